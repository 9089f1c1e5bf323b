# bfloat16 rounding through astype; values inspected in float32
import numpy as np
x = np.array([1.0, 0.1, 1 / 3, 3.140625, 1.00390625, 1.01171875, 256.5, 257.0, -2.7182817, 65535.0, 1e-3, 3e38], dtype=np.float32)
b = x.astype(np.bfloat16)
print(b.dtype, b.itemsize, b.shape)
back = b.astype(np.float32)
print(back)
print(back - x)
print(np.array([0.5, 1.5], dtype=np.float32).astype(np.bfloat16).astype(np.float32).sum())
w = np.arange(8, dtype=np.float32) / 7
wb = w.astype(np.bfloat16).astype(np.float32)
print(wb, np.abs(wb - w).max() <= 2 ** -8)
print(np.allclose(wb, w, rtol=1e-2), np.allclose(wb, w, rtol=1e-4, atol=0))
