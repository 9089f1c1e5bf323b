# float32 reductions (pairwise summation), mean/var/std in float32
# corpus: tolerance=1e-6
import numpy as np
x = (np.arange(10000, dtype=np.float32) % 97) / 7
print(x.sum(), x.mean(), x.var(), x.std(), x.sum().dtype, x.mean().dtype)
m = x.reshape(100, 100)
print(m.sum(axis=0)[:5], m.mean(axis=1)[:5], m.std(axis=1)[:3])
print(np.float32(0.1) * 10, np.full(10, 0.1, dtype=np.float32).sum(), np.ones(10 ** 6, dtype=np.float32).sum())
y = np.linspace(0, 1, 1001, dtype=np.float32)
print(y.sum(), y.mean(), (y * y).sum(), np.sqrt((y * y).mean()))
print(np.float32(1e8) + np.float32(1), np.array([1e8, 1, -1e8], dtype=np.float32).sum())
