"""CPython's math.exp/log/log2/log10/cbrt/pow, trigonometric and hyperbolic functions and float ** on random doubles, as hex, for
correctly-rounded.test.ts (CPython calls the C library, glibc here).

Run: python3 lib/python/runtime/golden/libm.gen.py  (writes libm.golden.json)
"""
import json, math, os, random

random.seed(20261126)
cases = {}
def grid(n, lo, hi, log=False):
    return [10 ** random.uniform(lo, hi) if log else random.uniform(lo, hi) for _ in range(n)]
for name, fn, xs in [
    ("exp", math.exp, grid(1200, -700, 700) + grid(800, -3, 3)),
    ("log", math.log, grid(1200, -300, 300, True) + grid(800, 0.5, 2)),
    ("log2", math.log2, grid(1200, -300, 300, True) + [2.0 ** k for k in range(-60, 61)]),
    ("log10", math.log10, grid(1200, -300, 300, True) + [10.0 ** k for k in range(-20, 21)]),
    ("cbrt", math.cbrt, grid(1200, -1e6, 1e6) + grid(800, -300, 300, True) + [5e-324, 1e-310]),
    ("sin", math.sin, grid(1200, -10, 10) + grid(600, -1e5, 1e5) + grid(200, -1e-3, 1e-3)),
    ("cos", math.cos, grid(1200, -10, 10) + grid(600, -1e5, 1e5) + grid(200, -1e-3, 1e-3)),
    ("tan", math.tan, grid(1200, -10, 10) + grid(600, -1e5, 1e5) + grid(200, -1e-3, 1e-3)),
    ("atan", math.atan, grid(1200, -10, 10) + grid(800, -8, 8, True) + [-x for x in grid(400, -8, 8, True)]),
    ("asin", math.asin, grid(1500, -1, 1) + grid(500, -12, 0, True) + [1 - 2.0 ** -k for k in range(1, 53)]),
    ("acos", math.acos, grid(1500, -1, 1) + grid(500, -12, 0, True) + [-1 + 2.0 ** -k for k in range(1, 53)]),
    ("sinh", math.sinh, grid(1000, -25, 25) + grid(600, -710, 710) + grid(400, -12, 0, True)),
    ("cosh", math.cosh, grid(1000, -25, 25) + grid(600, -710, 710) + grid(400, -12, 0, True)),
    ("tanh", math.tanh, grid(1200, -25, 25) + grid(800, -16, 0, True)),
    ("asinh", math.asinh, grid(1000, -5, 5) + grid(1000, -300, 300, True)),
    ("acosh", math.acosh, grid(1000, 1, 5) + grid(1000, 0, 300, True)),
    ("atanh", math.atanh, grid(1500, -1, 1) + grid(500, -12, 0, True)),
    ("erf", math.erf, grid(1500, -6.5, 6.5) + grid(500, -12, 0, True) + [-x for x in grid(300, -310, 0, True)]),
    ("erfc", math.erfc, grid(1500, -6.5, 27) + grid(500, -12, 0, True) + grid(300, 1.2, 3)),
]:
    cases[name] = [[x.hex(), fn(x).hex()] for x in xs]
pairs = [(random.uniform(0.001, 1000), random.uniform(-30, 30)) for _ in range(1500)]
cases["pow"] = [[a.hex(), b.hex(), (a ** b).hex()] for a, b in pairs]
quads = [(random.uniform(-5, 5), random.uniform(-5, 5)) for _ in range(1500)]
# Ratios past 2^52 and below 2^-500 in every quadrant (the quotient no longer refines atan).
quads += [(random.choice([-1, 1]) * 10 ** random.uniform(16, 300), random.choice([-1, 1]) * random.uniform(0.1, 10)) for _ in range(150)]
quads += [(random.choice([-1, 1]) * 10 ** random.uniform(-300, -160), random.choice([-1, 1]) * random.uniform(0.1, 10)) for _ in range(150)]
cases["atan2"] = [[y.hex(), x.hex(), math.atan2(y, x).hex()] for y, x in quads]
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "libm.golden.json")
with open(path, "w") as f:
    json.dump(cases, f)
print(sum(len(v) for v in cases.values()), "cases ->", path)
