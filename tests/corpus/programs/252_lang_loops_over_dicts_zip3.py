# Iterating dict items, zip of three, enumerate with unpacking, nested loops with else
prices = {"sbuf": 24, "psum": 2, "hbm": 32}
for i, (name, mb) in enumerate(sorted(prices.items(), key=lambda kv: kv[1]), start=1):
    print(i, name, mb)
names = ["a", "b", "c"]
xs = [1, 2, 3]
ys = [1.5, 2.5]
for n, x, y in zip(names, xs, ys):
    print(n, x * y)
pairs = list(zip(*[(1, "one"), (2, "two"), (3, "three")]))
print(pairs)
matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print(list(zip(*matrix)), [list(col) for col in zip(*matrix)][::-1])
for row in matrix:
    for v in row:
        if v % 5 == 0:
            print("found", v)
            break
    else:
        continue
    break
total = 0
for k in prices:
    total += prices[k]
print(total, sum(prices.values()), max(prices, key=prices.__getitem__))
