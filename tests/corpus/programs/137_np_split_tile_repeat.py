# split, array_split-free splitting, tile, repeat
import numpy as np
a = np.arange(12).reshape(3, 4)
for part in np.split(a, 2, axis=1):
    print(part)
print([p.tolist() for p in np.split(np.arange(9), 3)], [p.shape for p in np.split(np.arange(10), [3, 7])])
print(np.tile(np.array([1, 2]), 3), np.tile(np.array([1, 2]), (2, 2)), np.tile(a, (1, 2)).shape)
print(np.repeat(np.array([1, 2, 3]), 2), np.repeat(a, 2, axis=0).shape, np.repeat(np.array([[1, 2]]), [1, 3], axis=1))
print(np.repeat(5, 3), np.tile(np.arange(3), (2, 1, 1)).shape)
try:
    np.split(np.arange(10), 3)
except ValueError as e:
    print("ValueError:", e)
