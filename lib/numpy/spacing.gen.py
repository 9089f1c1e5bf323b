"""Goldens for np.logspace / np.geomspace (spacing.test.ts). Every float64 is written as Python's
shortest round-trip repr so the test can check bit-exactness.

numpy computes logspace as `base ** linspace(...)`, but its float64 power (and log10) run through SVML
on AVX-512 machines, which is not correctly rounded, so numpy's own output depends on the CPU. The
bit-exact oracle ("expected") is numpy's algorithm with a correctly rounded power (decimal at 60
digits; glibc's pow, which numpy uses without AVX-512, agrees except within ~0.02 ulp of a tie) and
C's log10 (math.log10); "numpy" is this machine's numpy output, which the test holds to 1 ulp.

    python3 lib/numpy/spacing.gen.py
"""
import json
import math
from decimal import Decimal, getcontext
import os
import random

import numpy as np

rng = random.Random(20261126)
getcontext().prec = 60


def values(a):
    return [repr(float(v)) for v in np.asarray(a, dtype=np.float64).ravel()]


def rounded_logspace(start, stop, num, endpoint, base):
    return [float(Decimal(base) ** Decimal(float(v))) for v in np.linspace(start, stop, num, endpoint=endpoint)]


def rounded_geomspace(start, stop, num, endpoint):
    sign = math.copysign(1.0, start)
    a, b = start / sign, stop / sign
    out = rounded_logspace(math.log10(a), math.log10(b), num, endpoint, 10.0)
    if num > 0:
        out[0] = a
        if num > 1 and endpoint:
            out[-1] = b
    return [v * sign for v in out]


cases = []
for _ in range(150):
    start = round(rng.uniform(-5, 5), rng.choice([0, 1, 3, 8]))
    stop = round(rng.uniform(-5, 5), rng.choice([0, 1, 3, 8]))
    num = rng.choice([0, 1, 2, 3, 5, 7, 10, 50, 101])
    endpoint = rng.random() < 0.7
    base = rng.choice([10.0, 10.0, 2.0, float(np.e), 1.5, 0.5, 3.0, 7.25])
    cases.append({"fn": "logspace", "start": start, "stop": stop, "num": num, "endpoint": endpoint, "base": base,
                  "expected": values(rounded_logspace(start, stop, num, endpoint, base)),
                  "numpy": values(np.logspace(start, stop, num, endpoint=endpoint, base=base))})
for _ in range(150):
    sign = rng.choice([1.0, 1.0, -1.0])
    start = sign * 10 ** rng.uniform(-6, 6)
    stop = sign * 10 ** rng.uniform(-6, 6)
    if rng.random() < 0.3:
        start, stop = float(rng.randint(1, 50)), float(rng.choice([100, 1000, 1e6, 7, 3]))
    num = rng.choice([0, 1, 2, 3, 4, 5, 8, 10, 50, 99])
    endpoint = rng.random() < 0.7
    cases.append({"fn": "geomspace", "start": start, "stop": stop, "num": num, "endpoint": endpoint,
                  "expected": values(rounded_geomspace(start, stop, num, endpoint)),
                  "numpy": values(np.geomspace(start, stop, num, endpoint=endpoint))})

# dtype casts of the float64 result
typed = [
    {"fn": "logspace", "args": [0, 3, 4], "dtype": "int64", "expected": np.logspace(0, 3, 4, dtype=np.int64).tolist()},
    {"fn": "logspace", "args": [0, 1, 5], "dtype": "float32", "expected": values(np.logspace(0, 1, 5, dtype=np.float32))},
    {"fn": "geomspace", "args": [1, 1000, 4], "dtype": "int64", "expected": np.geomspace(1, 1000, 4, dtype=np.int64).tolist()},
    {"fn": "geomspace", "args": [1, 256, 9], "dtype": "int32", "expected": np.geomspace(1, 256, 9, dtype=np.int32).tolist()},
]

out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "spacing.golden.json")
with open(out, "w") as f:
    json.dump({"numpy": np.__version__, "cases": cases, "typed": typed}, f, indent=0)
    f.write("\n")
