# Subscript assignment and deletion on lists and dicts, including slices
a = list(range(10))
a[0] = -1
a[-1] = 99
print(a)
a[2:5] = ["x", "y"]
print(a)
a[::3] = [0, 0, 0]
print(a)
del a[1]
del a[-2:]
print(a)
a[1:1] = [7, 7, 7]
print(a)
d = {}
d["k"] = 1
d[(1, 2)] = "tuple key"
d[3] = [1]
d[3].append(2)
print(d)
del d["k"]
print(d, len(d))
m = [[1, 2], [3, 4]]
m[0][1], m[1][0] = m[1][0], m[0][1]
print(m)
b = [0] * 5
b[1:4] = range(3)
print(b)
