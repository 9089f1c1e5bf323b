"""Golden values for glibc-log.ts: math.log (glibc libm, the same `log` numpy's C code calls) on inputs
covering the near-1 polynomial path, the table path, wide exponents and subnormals.
Run: python3 lib/numpy/random/gen/glibc-log.gen.py"""
import json, math, os, random

rng = random.Random(20261125)
xs = []
xs += [rng.random() for _ in range(6000)]                      # legacy gauss feeds r2 in (0, 1)
xs += [1 + (rng.random() - 0.5) * 0.14 for _ in range(3000)]    # both sides of the near-1 window
xs += [math.ldexp(rng.random() + 0.5, rng.randint(-1060, 1020)) for _ in range(3000)]
xs += [5e-324 * rng.randint(1, 2**52) for _ in range(200)]      # subnormals
xs += [1.0, 0.9375, 1.0 + 0x109 / 2**12, 2.0, 0.5, 1e-300, 1.7976931348623157e308]
out = {"x": xs, "log": [math.log(x) for x in xs]}
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "golden", "glibc-log.json")
with open(path, "w") as f:
    json.dump(out, f)
print(len(xs))
