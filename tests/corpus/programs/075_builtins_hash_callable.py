# callable, hash equality rules, id-free identity checks
print(callable(print), callable(len), callable(lambda: 0), callable(3), callable("s"))
class C:
    def __call__(self, x):
        return x * 2
    def method(self):
        return 1
c = C()
print(callable(c), c(21), callable(C), callable(c.method))
print(hash(1) == hash(1.0), hash(True) == hash(1), hash("a") == hash("a"))
print(hash((1, "a")) == hash((1, "a")), hash(0) == hash(0.0) == hash(False))
for unhashable in [[1], {"a": 1}, {1}]:
    try:
        hash(unhashable)
    except TypeError as e:
        print("TypeError:", e)
d = {1: "int"}
d[1.0] = "float"
d[True] = "bool"
print(d)
print(len({1, 1.0, True}), {2.0, 2})
