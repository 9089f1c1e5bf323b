# Assignment with broadcasting into slices
import numpy as np
a = np.zeros((3, 4))
a[0] = 1
a[:, 1] = [7, 8, 9]
a[1:, 2:] = np.array([[1, 2], [3, 4]])
a[2, :] = a[2, :] * 2
print(a)
b = np.zeros((2, 3, 4), dtype=np.int32)
b[...] = np.arange(4)
b[:, 1, :] = 9
b[1] = b[1] + 1
print(b)
c = np.arange(6, dtype=np.float32)
c[::2] = -1.5
print(c, c.dtype)
d = np.zeros(3, dtype=np.int32)
d[:] = [1.9, -2.9, 3.5]
print(d)
try:
    a[0] = [1, 2, 3]
except ValueError as e:
    print("ValueError:", e)
