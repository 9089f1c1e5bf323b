# Max-pooling references: loops, reshape-and-max, and a fused conv-relu-pool check
import numpy as np
def maxpool_loops(x, k):
    c, h, w = x.shape
    out = np.empty((c, h // k, w // k), dtype=x.dtype)
    for ci in range(c):
        for i in range(h // k):
            for j in range(w // k):
                out[ci, i, j] = x[ci, i * k:(i + 1) * k, j * k:(j + 1) * k].max()
    return out
def maxpool_reshape(x, k):
    c, h, w = x.shape
    return x.reshape(c, h // k, k, w // k, k).max(axis=(2, 4))
np.random.seed(7)
x = np.random.randint(-50, 50, size=(2, 6, 8)).astype(np.float32)
a = maxpool_loops(x, 2)
b = maxpool_reshape(x, 2)
print(a.shape, np.array_equal(a, b))
print(a[1])
argmax = x.reshape(2, 3, 2, 4, 2).transpose(0, 1, 3, 2, 4).reshape(2, 3, 4, 4).argmax(axis=-1)
print(argmax[0])
print(maxpool_reshape(np.maximum(x, 0), 2).min(), maxpool_reshape(x, 2).mean())
