# all, any, cumsum, cumprod, prod
import numpy as np
a = np.array([[1, 0, 3], [4, 5, 6]])
print(a.all(), a.any(), a.all(axis=0), a.any(axis=1), np.all(a > -1), np.any(a > 5, axis=0))
print(np.cumsum(np.arange(6)), a.cumsum(), a.cumsum(axis=0), a.cumsum(axis=1), np.cumsum(np.ones(4, dtype=np.float32)))
print(np.cumprod(np.arange(1, 6)), a.prod(), a.prod(axis=0), np.prod(np.array([0.5, 4.0])))
print(np.all(np.array([])), np.any(np.array([])), np.array([0.0, 0.1]).any(), np.cumsum(np.array([True, True, False])))
print(np.cumsum(np.array([0.1, 0.2, 0.3])), np.prod(np.arange(1, 21)), np.prod(np.arange(1, 21, dtype=np.float32)))
lengths = np.array([3, 1, 4])
offsets = np.concatenate([[0], np.cumsum(lengths)[:-1]])
print(offsets, offsets.dtype)
