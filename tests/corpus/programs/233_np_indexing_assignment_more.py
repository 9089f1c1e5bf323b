# More indexing: negative steps with assignment, boolean assignment from arrays, fancy + slice mixes
import numpy as np
a = np.arange(10)
a[::-2] = -1
print(a)
b = np.arange(12).reshape(3, 4)
b[b % 2 == 0] = np.arange(6) * 100
print(b)
c = np.zeros((4, 4), dtype=np.int32)
c[[0, 2], 1:3] = 7
c[1:3, [0, 3]] = [[1, 2], [3, 4]]
print(c)
d = np.arange(5, dtype=np.float32)
d[d > 2] *= 10
print(d)
e = np.arange(24).reshape(2, 3, 4)
print(e[:, [0, 2], :][..., 1], e[1, :, ::-1][:, :2])
e[0, ...] = 0
print(e.sum(), e[..., -1])
idx = np.where(np.arange(8) % 3 == 0)[0]
print(idx, np.arange(8)[idx])
