# Classes: __init__, methods, instance state, __repr__ and __str__
class Vector:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def norm2(self):
        return self.x ** 2 + self.y ** 2
    def scaled(self, k):
        return Vector(self.x * k, self.y * k)
    def __repr__(self):
        return f"Vector({self.x}, {self.y})"
    def __str__(self):
        return f"<{self.x}, {self.y}>"
v = Vector(3, 4)
print(v.norm2(), v.scaled(2), repr(v), str(v))
print([v, v.scaled(0.5)])
print(f"{v} and {v!r}")
print(type(v).__name__, isinstance(v, Vector))
w = v
w.x = 10
print(v.x, v is w)
class Empty:
    pass
e = Empty()
e.anything = 42
print(e.anything, type(e).__name__)
