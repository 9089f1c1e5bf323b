# ndarray attributes: shape, ndim, size, dtype, itemsize, nbytes, T, strides
import numpy as np
a = np.zeros((2, 3, 4), dtype=np.float32)
print(a.shape, a.ndim, a.size, a.dtype, a.itemsize, a.nbytes, a.strides, len(a))
print(a.T.shape, a.T.strides, a[0].shape, a[:, 0].strides, a.reshape(6, 4).strides)
b = np.arange(5)
print(b.shape, b.ndim, b.strides, np.array(1.0).shape, np.array(1.0).ndim, np.array(1.0).size)
print(type(a.shape).__name__, a.shape[0] * a.shape[1], a.dtype.name, str(a.dtype), repr(a.dtype))
print(np.shape([[1, 2, 3]]), np.ndim([1]), np.size(np.ones((3, 3))))
for row in np.arange(6).reshape(3, 2):
    print(row, row.shape)
print(a.shape == (2, 3, 4), list(a.shape), tuple(reversed(a.shape)))
