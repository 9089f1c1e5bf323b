# clip, floor, ceil, sign, square, reciprocal, rounding helpers
import numpy as np
x = np.array([-2.5, -1.5, -0.5, 0.0, 0.5, 1.5, 2.5])
print(np.clip(x, -1, 1), np.clip(np.arange(10), 2, 7), x.clip(0, None), np.clip(x, None, 0.5))
print(np.floor(x), np.ceil(x), np.trunc(x), np.round(x), np.rint(x), np.sign(x))
print(np.square(x), np.reciprocal(np.array([1.0, 2.0, 4.0])), np.reciprocal(np.array([2], dtype=np.float32)))
print(np.sign(np.array([-3, 0, 3])), np.square(np.arange(4)), np.round(np.array([1.234, 5.678]), 1))
print(np.round(np.array([1234.5, 1250.0]), -2), np.abs(np.array([-3, 3])).dtype)
y = np.array([0.1, 0.7, 1.2], dtype=np.float32)
print(np.floor(y * 10), np.ceil(y * 10).dtype, np.clip(y, 0.2, 1.0))
