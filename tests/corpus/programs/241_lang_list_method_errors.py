# List method edge cases and CPython's error messages
a = [5, 3, 5, 1]
print(a.index(5), a.index(5, 1), a.index(1, -2))
a.insert(-1, 9)
a.insert(100, 7)
a.insert(-100, 0)
print(a)
for f in [lambda: a.remove(42), lambda: a.index(42), lambda: a.index(5, 3, 4), lambda: [].pop(), lambda: a.pop(50), lambda: a.sort(key=lambda v: "x" if v > 4 else 1)]:
    try:
        f()
    except (ValueError, IndexError, TypeError) as e:
        print(type(e).__name__ + ":", e)
print(a)
b = [3, 1, 2]
print(b.sort(), b, sorted(b, reverse=True), b.reverse(), b)
c = [[2, "b"], [1, "a"], [2, "a"]]
c.sort()
print(c, c.count([2, "a"]), [1] * 0, [] * 5)
d = list(range(5))
d[1:3] = []
d[:0] = ["start"]
d[len(d):] = ["end"]
print(d, d[-1:-3:-1])
