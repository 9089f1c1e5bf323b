# Loop patterns: sentinel loops, nested break flags, countdown
data = [5, 3, 8, -1, 9]
i = 0
total = 0
while True:
    v = data[i]
    if v < 0:
        break
    total += v
    i += 1
print("total before sentinel", total)
found = None
for r in range(5):
    for c in range(5):
        if r * c == 6:
            found = (r, c)
            break
    if found:
        break
print("found", found)
n = 0
while n < 1000:
    n = n * 2 + 1
print(n)
fib = [0, 1]
while len(fib) < 12:
    fib.append(fib[-1] + fib[-2])
print(fib)
