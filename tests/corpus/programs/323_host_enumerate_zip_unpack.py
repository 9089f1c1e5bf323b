# Loop plumbing: enumerate with tuple targets, zip of many, star-unpacking, reversed ranges, zip strict
names = ["q", "k", "v"]
shapes = [(128, 64), (128, 2048), (128, 2048)]
dtypes = ["float32", "bfloat16", "bfloat16"]
for i, (name, (p, f)) in enumerate(zip(names, shapes), start=1):
    print(i, name, p, f)
for name, shape, dt in zip(names, shapes, dtypes):
    print(f"{name}: {shape} {dt}")
first, *rest = shapes
*init, last = names
a, (b, c), *_ = [1, (2, 3), 4, 5]
print(first, rest, init, last, a, b, c)
head, *mid, tail = range(6)
print(head, mid, tail, [*names, *"xy"], (*shapes[0], 1))
for i in reversed(range(0, 10, 3)):
    print(i, end=" ")
print()
print(list(enumerate("abc", 10)), dict(enumerate(names)), list(zip(*shapes)))
try:
    list(zip(names, shapes[:2], strict=True))
except ValueError as e:
    print("ValueError:", e)
pairs = list(zip(range(3), "xyz"))
nums, letters = zip(*pairs)
print(nums, letters)
it = iter(names)
print(next(it), next(it), next(it), next(it, "done"))
x, y = y, x = 1, 2
print(x, y)
matrix = [[1, 2], [3, 4]]
for row_i, row in enumerate(matrix):
    for col_i, val in enumerate(row):
        matrix[row_i][col_i] = val * 10
print(matrix, sum(map(sum, matrix)))
i = 0
while i < len(names):
    if names[i] == "k":
        i += 1
        continue
    print("visit", names[i])
    i += 1
else:
    print("while finished at", i)
for n in range(2, 10):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        print(n, end=",")
print()
