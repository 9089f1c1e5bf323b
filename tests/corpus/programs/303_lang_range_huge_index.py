# Indexing a range with ints far beyond its length: IndexError naming the range, not a conversion error
r = range(3, 100, 7)
for k in [2, -1, 13, -14, 10 ** 19, -(10 ** 19), 2 ** 64, True]:
    try:
        print(k, r[k])
    except IndexError as e:
        print(k, "IndexError:", e)
for k in [10 ** 19, 2 ** 70]:
    try:
        print([1, 2, 3][k])
    except IndexError as e:
        print("list IndexError:", e)
print(r[1:10 ** 20], r[-(10 ** 20):2], len(r[::10 ** 19]))
