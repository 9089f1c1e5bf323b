# List comprehensions with conditions and nested loops
print([x * x for x in range(10)])
print([x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(i, j) for i in range(3) for j in range(i)])
print([c.upper() for c in "kernel" if c not in "aeiou"])
matrix = [[1, 2, 3], [4, 5, 6]]
print([[row[i] for row in matrix] for i in range(3)])
print([v for row in matrix for v in row])
print([x if x > 2 else 0 for x in [1, 2, 3, 4]])
words = ["tile", "psum", "sbuf", "hbm"]
print([len(w) for w in words], [w[::-1] for w in words])
x = "outer"
print([x for x in range(3)], x)
print([[0] * 2 for _ in range(3)])
