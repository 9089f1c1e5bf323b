# default_rng streams: independent generators, ranges and dtypes
import numpy as np
r1 = np.random.default_rng(1)
r2 = np.random.default_rng(1)
print(r1.random(3), r2.random(3))
print(r1.integers(0, 10, size=5), r2.integers(0, 10, size=5))
r = np.random.default_rng(31415)
print(r.standard_normal(2), r.uniform(size=2), r.integers(100), r.random())
print(r.integers(-(2 ** 63), 2 ** 63 - 1, size=2))
print(r.integers(0, 3, size=(2, 4), dtype=np.int8))
print(r.uniform(-5, 5, size=3).astype(np.float32))
print(np.random.default_rng(0).standard_normal((2, 2)).round(6))
