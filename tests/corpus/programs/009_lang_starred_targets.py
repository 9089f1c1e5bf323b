# Starred assignment targets and star expressions in displays
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "hello"
print(init, last)
a, *mid, b = range(6)
print(a, mid, b)
h, *t = [9]
print(h, t)
merged = [*range(3), *"ab", 5]
print(merged)
print((*[1, 2], 3))
s = {*[1, 2, 2], *(3,)}
print(sorted(s))
d = {**{"a": 1}, "b": 2, **{"a": 3}}
print(d)
def f(*args, **kw):
    return args, kw
print(f(*[1, 2], *(3,), **{"x": 4}, y=5))
for x, *ys in [(1, 2, 3), (4,)]:
    print(x, ys)
