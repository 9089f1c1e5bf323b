# sum, mean, var, std, max, min, prod with axis
import numpy as np
a = np.arange(12, dtype=np.float64).reshape(3, 4)
print(a.sum(), a.sum(axis=0), a.sum(axis=1), np.sum(a, axis=-1), a.sum(axis=(0, 1)))
print(a.mean(), a.mean(axis=0), np.mean(a, axis=1), a.var(), a.var(axis=0), a.std(axis=1))
print(a.max(), a.max(axis=0), np.amax(a, axis=1), a.min(axis=1), np.min(a), a.prod(axis=1))
print(np.std(a), np.var(a, ddof=1), a.std(ddof=1, axis=0))
i = np.arange(1, 7).reshape(2, 3)
print(i.sum(), i.sum(axis=0).dtype, i.mean(), i.mean(axis=1).dtype, i.prod(), i.max(axis=1))
b = np.arange(24).reshape(2, 3, 4)
print(b.sum(axis=(0, 2)), b.max(axis=-1), b.min(axis=(1, 2)), b.mean(axis=2).shape)
