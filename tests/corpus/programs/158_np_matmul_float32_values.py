# float32 matmul results printed (exact sums of small integers and halves)
import numpy as np
a = (np.arange(64, dtype=np.float32).reshape(8, 8) % 7) / 2
b = (np.arange(64, dtype=np.float32).reshape(8, 8) % 5) - 2
c = a @ b
print(c)
print(c.dtype, c.sum(), c.max(), c.min())
print(a.T @ a)
left = np.arange(128 * 4, dtype=np.float32).reshape(128, 4) % 3
right = np.ones((4, 16), dtype=np.float32)
out = left @ right
print(out.shape, out[:3, :4], out.sum(axis=0)[:4])
