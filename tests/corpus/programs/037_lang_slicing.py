# Slicing of lists, tuples, strings and ranges
s = "kernel-lab"
print(s[2:5], s[:3], s[3:], s[-3:], s[::-1], s[::2], s[1:-1:3])
a = list(range(10))
print(a[2:8:2], a[::-3], a[-2:2:-1], a[100:], a[-100:2])
t = tuple(a)
print(t[1:4], t[5:1], t[:])
r = range(0, 20, 2)
print(r[2:5], list(r[::-1]), r[-1])
i = 2
print(a[i * 2:(i + 1) * 2 + 1])
b = a[:]
b[0] = "x"
print(a[0], b[0])
print(slice(1, 5, 2), a[slice(1, 5, 2)])
print("abc"[5:], "abc"[-1], [1, 2][-2])
sl = slice(None, None, -1)
print(a[sl][:3])
