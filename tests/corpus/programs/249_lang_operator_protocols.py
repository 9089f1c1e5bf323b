# Reflected and in-place operator protocols, __matmul__, unary dunders, NotImplemented fallback
class Vec:
    def __init__(self, *xs):
        self.xs = list(xs)
    def __add__(self, other):
        if isinstance(other, Vec):
            return Vec(*[a + b for a, b in zip(self.xs, other.xs)])
        if isinstance(other, (int, float)):
            return Vec(*[a + other for a in self.xs])
        return NotImplemented
    def __radd__(self, other):
        return self + other
    def __iadd__(self, other):
        self.xs = (self + other).xs
        return self
    def __mul__(self, k):
        return Vec(*[a * k for a in self.xs])
    __rmul__ = __mul__
    def __matmul__(self, other):
        return sum(a * b for a, b in zip(self.xs, other.xs))
    def __neg__(self):
        return Vec(*[-a for a in self.xs])
    def __abs__(self):
        return sum(a * a for a in self.xs) ** 0.5
    def __repr__(self):
        return f"Vec{tuple(self.xs)}"
u, v = Vec(1, 2), Vec(3, 4)
print(u + v, u + 1, 1 + u, 2 * u, u * 3, u @ v, -u, abs(v))
print(sum([u, v, Vec(10, 10)]), sum([u, v], Vec(0, 0)))
w = u
w += v
print(u, w is u)
try:
    u + "x"
except TypeError as e:
    print("TypeError:", e)
try:
    u @ 3
except AttributeError as e:
    print("AttributeError:", e)
