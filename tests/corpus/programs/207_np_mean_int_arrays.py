# Means, variances and divisions of integer arrays promote to float64
import numpy as np
a = np.array([[1, 2, 3], [4, 5, 7]])
print(a.mean(), a.mean(axis=0), a.mean(axis=1), a.mean().dtype, a.var(), a.std(axis=0))
print(a / 2, a // 2, (a / 2).dtype, np.true_divide(a, 4), np.floor_divide(a, 4))
print(np.sum(a, dtype=np.float32), np.mean(a, dtype=np.float32).dtype, a.astype(np.float16).mean())
b = np.arange(10, dtype=np.uint8)
print(b.sum(), b.sum().dtype, b.mean(), b.prod(), b.cumsum().dtype)
c = np.array([True, False, True, True])
print(c.sum(), c.mean(), c.sum().dtype, np.sum(c, dtype=np.int8).dtype)
