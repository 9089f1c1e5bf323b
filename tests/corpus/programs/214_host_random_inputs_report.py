# Building reproducible inputs from legacy and Generator APIs, reporting statistics
import numpy as np
np.random.seed(2023)
a = np.random.randn(64, 64).astype(np.float32)
b = np.random.uniform(-1, 1, size=(64,)).astype(np.float32)
rng = np.random.default_rng(2023)
c = rng.standard_normal((64, 64), dtype=np.float32)
idx = rng.integers(0, 64, size=8)
print(a.dtype, b.dtype, c.dtype, idx.dtype)
print(np.round(a[:2, :3], 5))
print(np.round(b[:4], 5))
print(np.round(c[0, :4], 5))
print(idx, np.sort(idx))
print(round(float(a.mean()), 4), round(float(c.std()), 4), round(float(b.max()), 4))
