# reshape (with -1), transpose, .T, ravel, flatten
import numpy as np
a = np.arange(12)
b = a.reshape(3, 4)
print(b, b.shape)
print(a.reshape((2, -1)), a.reshape(-1, 6).shape, a.reshape(2, 2, 3).shape)
print(b.T, b.T.shape, b.transpose().shape)
c = np.arange(24).reshape(2, 3, 4)
print(c.transpose(1, 0, 2).shape, c.transpose((2, 0, 1)).shape, np.transpose(c).shape)
print(c.transpose(2, 1, 0)[1, 2])
print(b.ravel(), b.T.ravel(), b.flatten(), b.reshape(-1)[:5])
v = b.reshape(12)
v[0] = 99
print(a[0], b[0, 0])
print(np.reshape(a, (4, 3))[3], a.reshape(3, 4).T.reshape(2, 6))
