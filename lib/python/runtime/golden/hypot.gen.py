"""Golden values for math.hypot / math.dist (CPython 3.11's vector_norm): python3 lib/python/runtime/golden/hypot.gen.py
Arguments and results are written with float.hex() so they survive JSON exactly."""
import json
import math
import os
import random

rng = random.Random(1126)


def rand_float():
    kind = rng.random()
    if kind < 0.6:
        return rng.uniform(-1000, 1000)
    if kind < 0.8:
        return math.ldexp(rng.random(), rng.randint(-1074, 1023))
    if kind < 0.9:
        return float(rng.randint(-50, 50))
    return rng.choice([0.0, -0.0, math.inf, -math.inf, math.nan, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308])


hypot = []
for _ in range(400):
    args = [rand_float() for _ in range(rng.randint(0, 5))]
    hypot.append({"args": [x.hex() for x in args], "result": math.hypot(*args).hex()})
dist = []
for _ in range(150):
    n = rng.randint(1, 4)
    p, q = [rand_float() for _ in range(n)], [rand_float() for _ in range(n)]
    dist.append({"p": [x.hex() for x in p], "q": [x.hex() for x in q], "result": math.dist(p, q).hex()})
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "hypot.golden.json"), "w") as f:
    json.dump({"hypot": hypot, "dist": dist}, f, indent=0)
    f.write("\n")
