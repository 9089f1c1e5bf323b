# clip/where/maximum with array bounds and broadcasting, dtype results
import numpy as np
x = np.arange(12, dtype=np.float32).reshape(3, 4) - 5
lo = np.array([-1, -2, -3, -4], dtype=np.float32)
hi = np.array([[1], [2], [3]], dtype=np.float32)
print(np.clip(x, lo, hi))
print(np.clip(x, lo, hi).dtype, np.clip(np.arange(5), 1.5, 3.5), np.clip(np.arange(5), 1.5, 3.5).dtype)
print(np.where(x > 0, x, lo), np.where(x > 0, 1, 0.5).dtype, np.where(x > 0, x, 0).dtype)
print(np.maximum(x, hi).shape, np.minimum(lo, hi))
print(np.where([[True], [False]], [1, 2], [[10], [20]]))
mask = np.zeros((3, 4), dtype=bool)
mask[::2, 1::2] = True
print(np.where(mask, x, np.nan))
print(np.clip(np.array([1.5, np.nan, -np.inf]), 0, 1))
