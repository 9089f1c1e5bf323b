# Transposing a matrix tile by tile (32x32 blocks) and checking against .T
import numpy as np
n = 128
a = np.arange(n * n, dtype=np.int32).reshape(n, n)
out = np.zeros_like(a)
B = 32
for i in range(0, n, B):
    for j in range(0, n, B):
        out[j:j + B, i:i + B] = a[i:i + B, j:j + B].T
print(np.array_equal(out, a.T), out[:2, :4], out.dtype)
blocks = a.reshape(n // B, B, n // B, B)
print(blocks.shape, blocks.transpose(2, 3, 0, 1).reshape(n, n).shape)
alt = blocks.transpose(2, 1, 0, 3).reshape(n, n)
print(np.array_equal(alt, a.T), alt[0, :4])
