# Chains of + - * mixing floats, ints, bools, big ints, strs, lists, numpy values and user classes:
# every combination must give CPython's value and type (the engine evaluates float chains unboxed).
import numpy as np

class V:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        return V(self.v + (o.v if isinstance(o, V) else o))
    __radd__ = __add__
    def __mul__(self, o):
        return V(self.v * (o.v if isinstance(o, V) else o))
    __rmul__ = __mul__
    def __sub__(self, o):
        return V(self.v - (o.v if isinstance(o, V) else o))
    def __rsub__(self, o):
        return V((o.v if isinstance(o, V) else o) - self.v)
    def __repr__(self):
        return f"V({self.v!r})"

x, i, b, big = 1.5, 3, True, 2**70
def chains(values):
    for p in values:
        for q in values:
            r1 = p * q + x * i
            r2 = (p - q) * (q + p) - 1
            r3 = p * 2.0 - q * 0.5 + i * b
            print(repr(r1), repr(r2), repr(r3), type(r1).__name__, type(r3).__name__)
chains([x, i, b, big, -0.0, float("inf"), float("nan"), 1e308, V(2)])
chains([x, i, b, -0.0, np.float32(0.5), np.int64(7), np.float64(0.25)])

print(-0.0 * 1.0 + -0.0, 0.0 * -1 - 0.0, 1e308 * 10 - 1e308 * 10)
print("ab" * 2 + "c" * 3, [1] * 2 + [2] * 1, (1,) * 2 + (3,) * 2)
print(np.arange(3) * 2.5 + np.ones(3) * 0.5)
acc = 0.0
for k in range(5):
    acc = acc * 0.5 + k * 1.25 - k * k
print(acc, type(acc).__name__)
n = 0
for k in range(5):
    n = n * 3 + k * k - 1
print(n, type(n).__name__)
print(2**53 * 2 + 1 * 1, 2**62 * 4.0 + 1 * 1)
try:
    print(1.0 * 2 + None * 3)
except TypeError as e:
    print("TypeError:", e)
y = 2.0 * x + "s" * 2
