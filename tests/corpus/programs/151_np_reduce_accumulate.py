# ufunc .reduce and .accumulate
import numpy as np
a = np.arange(1, 7).reshape(2, 3)
print(np.add.reduce(a), np.add.reduce(a, axis=1), np.add.reduce(a, axis=None))
print(np.multiply.reduce(a), np.multiply.reduce(a, axis=1), np.maximum.reduce(a, axis=0), np.minimum.reduce(a.ravel()))
print(np.add.accumulate(np.arange(5)), np.multiply.accumulate(np.arange(1, 6)), np.maximum.accumulate(np.array([1, 3, 2, 5, 4])))
print(np.add.accumulate(a, axis=1), np.add.accumulate(a, axis=0))
print(np.add.reduce(np.array([0.1] * 10)), np.add.reduce(np.ones(5, dtype=np.float32)).dtype)
print(np.maximum.reduce(np.array([[1.5, -2.0], [0.5, 3.0]]), axis=1), np.add.reduce(a, keepdims=True))
running_max = np.maximum.accumulate(np.array([0.5, 0.2, 0.9, 0.1, 1.5]))
print(running_max)
