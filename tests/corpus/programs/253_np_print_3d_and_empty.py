# Printing 3-D arrays, empty arrays of various shapes, and single-element arrays
import numpy as np
print(np.arange(24, dtype=np.float32).reshape(2, 3, 4) / 4)
print(np.arange(8).reshape(2, 2, 2) - 4)
print(np.zeros((0, 3)), repr(np.zeros((0, 3))), np.zeros((3, 0)), repr(np.zeros((2, 0, 2), dtype=np.int32)))
print(np.array([[]]), repr(np.array([[]])), np.array([5.5]), repr(np.array([[7]])))
print(np.ones((1, 1, 1)), repr(np.ones((1, 2, 1), dtype=np.float16)))
print(np.array([[[True]], [[False]]]))
print(repr(np.arange(6).reshape(3, 1, 2).astype(np.uint8)))
print(np.arange(4).reshape(4, 1, 1)[:, :, 0])
