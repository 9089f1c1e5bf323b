# Test-case configs as namedtuples and OrderedDicts: fields, defaults, _replace/_asdict/_make, errors
from collections import namedtuple, OrderedDict

Case = namedtuple("Case", ["name", "M", "K", "N"])
Tol = namedtuple("Tol", "rtol, atol", defaults=[1e-8])
cases = [Case("small", 128, 128, 512), Case("wide", 128, 256, 2048), Case(name="deep", M=512, K=1024, N=128)]
for c in cases:
    print(f"{c.name:>6}: {c.M}x{c.K}x{c.N} flops={2 * c.M * c.K * c.N:,}")
print(cases[0], repr(cases[1]), Case._fields, Tol._field_defaults)
print(Tol(1e-5), Tol(1e-2, 1e-3)._asdict(), Tol._make([0.1, 0.2]), cases[0]._replace(N=64, M=1))
name, m, k, n = cases[2]
print(name, m * k * n, cases[2][1:], len(cases[0]), cases[0] == ("small", 128, 128, 512), isinstance(cases[0], tuple))
print(sorted(cases, key=lambda c: c.N)[0].name, max(cases, key=lambda c: c.K).name, {c.name: c.N for c in cases})
print(tuple(cases[0]), list(Tol(1, 2)), hash(Tol(1, 2)) == hash((1, 2)), {Tol(1, 2): "x"}[(1, 2)], type(cases[0]).__name__)
class Shape(namedtuple("Shape", "rows cols")):
    @property
    def size(self):
        return self.rows * self.cols
    def __str__(self):
        return f"{self.rows}x{self.cols}"
s = Shape(128, 64)
print(s, repr(s), s.size, s._replace(cols=1).size, f"{s}", [str(Shape(2, 3))])
for bad in [lambda: Case("x", 1, 2), lambda: Case("x", 1, 2, 3, 4), lambda: Case("x", 1, 2, N=3, Q=4),
            lambda: cases[0]._replace(Z=1), lambda: namedtuple("T", "a a"), lambda: namedtuple("T", "a class"),
            lambda: namedtuple("T", "_a b"), lambda: namedtuple("T", "a 1b"), lambda: Tol._make([1])]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(namedtuple("R", "a _b class", rename=True)._fields)
try:
    cases[0].M = 3
except AttributeError as e:
    print("AttributeError")
results = OrderedDict()
for c in cases:
    results[c.name] = c.M * c.N
results.move_to_end("small")
print(results, list(results), results.popitem(), results.popitem(last=False), results)
a = OrderedDict([("x", 1), ("y", 2)])
b = OrderedDict([("y", 2), ("x", 1)])
print(a == b, a == dict(b), dict(a) == dict(b), OrderedDict(), a.get("x"), "y" in b, isinstance(a, dict))
b.move_to_end("x", last=False)
print(b, a == b, len(a), a.copy() if False else sorted(a.items()))
