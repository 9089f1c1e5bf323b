# Generator API: integers and uniform
import numpy as np
rng = np.random.default_rng(0)
print(rng.integers(10), rng.integers(5, 10), rng.integers(0, 100, size=5))
print(rng.integers(0, 2 ** 40, size=2), rng.integers(-3, 3, size=(2, 3)), rng.integers(0, 10, size=3, endpoint=True))
print(rng.integers(0, 256, size=4, dtype=np.uint8), rng.integers(0, 2, size=8, dtype=np.int32))
print(rng.uniform(), rng.uniform(-1, 1), rng.uniform(0, 10, size=3), rng.uniform(2.0, 3.0, size=(2, 2)))
rng = np.random.default_rng(2024)
x = rng.uniform(-1, 1, size=(4, 4)).astype(np.float32)
print(x)
print(np.random.default_rng(99).integers(1, 7, size=12))
