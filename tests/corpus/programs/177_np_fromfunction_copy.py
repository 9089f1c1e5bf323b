# fromfunction, copy semantics, ascontiguousarray, views vs copies
import numpy as np
f = np.fromfunction(lambda i, j: i * 10 + j, (3, 4))
print(f, f.dtype)
g = np.fromfunction(lambda i, j: i == j, (3, 3), dtype=int)
print(g)
a = np.arange(6).reshape(2, 3)
v = a[:, 1]
c = a[:, 1].copy()
a[0, 1] = 100
print(v, c)
t = np.ascontiguousarray(a.T)
print(t, t.shape, t.flags["C_CONTIGUOUS"], a.T.flags["C_CONTIGUOUS"])
print(np.ascontiguousarray(np.arange(3), dtype=np.float32), np.copy(a).base is None)
b = a
b += 1
print(a[0], (a is b))
