# Slices with steps, negative steps, tile-style slices
import numpy as np
a = np.arange(40).reshape(4, 10)
print(a[:, ::2], a[::-1, 0], a[1:4:2, -3:], a[:, 8:2:-3])
i = 1
print(a[i * 2:(i + 1) * 2, :].shape, a[i * 2:(i + 1) * 2, :])
print(a[:2, :3].copy(), a[10:], a[:, 100:].shape, a[-100:1, :2])
x = np.arange(256, dtype=np.float32)
tiles = [x[k * 64:(k + 1) * 64].sum() for k in range(4)]
print(tiles)
v = a[::2, ::3]
v[:] = 0
print(a)
