# Batched matmul broadcasting vs np.dot on N-D arrays (different contraction rules)
import numpy as np
a = np.arange(24).reshape(2, 1, 3, 4)
b = np.arange(40).reshape(5, 4, 2)
c = a @ b
print(c.shape, c[1, 4], c.sum())
d = np.dot(np.arange(24).reshape(2, 3, 4), np.arange(20).reshape(4, 5))
print(d.shape, d[1, 2])
e = np.dot(np.arange(6).reshape(2, 3), np.arange(12).reshape(2, 3, 2))
print(e.shape, e[1])
v = np.arange(4)
print((a @ v).shape, (v @ b).shape, np.matmul(v, v), (a[0, 0] @ a[1, 0].T))
f32 = np.ones((3, 128, 64), dtype=np.float32) @ np.full((64, 32), 0.5, dtype=np.float32)
print(f32.shape, f32.dtype, f32[2, 127, 31])
try:
    np.ones((2, 3, 4)) @ np.ones((3, 4, 5))
except ValueError as e:
    print("ValueError:", e)
