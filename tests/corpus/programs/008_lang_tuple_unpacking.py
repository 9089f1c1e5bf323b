# Tuple/list unpacking in assignments and loops
a, b = 1, 2
a, b = b, a
print(a, b)
(x, y), z = (3, 4), 5
print(x, y, z)
[p, q, r] = "abc"
print(p, q, r)
for i, (name, score) in enumerate([("ann", 90), ("bob", 85)]):
    print(i, name, score)
point = (1.5, -2.0)
px, py = point
print(px + py)
m = n = 7
print(m, n)
pairs = dict(zip("xyz", range(3)))
for k, v in pairs.items():
    print(k, v)
i, j = divmod(17, 5)
print(i, j)
