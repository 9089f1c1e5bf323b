"""Goldens for np.bincount (counting.test.ts) from numpy 2.4.

    python3 lib/numpy/counting.gen.py
"""
import json
import os
import random

import numpy as np

rng = random.Random(326)
cases = []
for _ in range(60):
    n = rng.choice([0, 1, 2, 5, 17, 100])
    x = [rng.randint(0, rng.choice([0, 3, 10, 40])) for _ in range(n)]
    minlength = rng.choice([0, 0, 1, 5, 50])
    weights = [round(rng.uniform(-3, 3), rng.choice([0, 2, 6])) for _ in range(n)] if rng.random() < 0.5 else None
    r = np.bincount(x, weights=weights, minlength=minlength)
    cases.append({"x": x, "weights": weights, "minlength": minlength, "dtype": str(r.dtype), "expected": [repr(float(v)) for v in r]})

errors = []
for x, kw in [([-1, 2], {}), ([1, 2], {"minlength": -1}), ([1], {"weights": [1, 2]})]:
    try:
        np.bincount(x, **kw)
    except ValueError as e:
        errors.append({"x": x, **kw, "message": str(e)})

out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "counting.golden.json")
with open(out, "w") as f:
    json.dump({"numpy": np.__version__, "cases": cases, "errors": errors}, f, indent=0)
    f.write("\n")
