# Host-side tiling: split an input into 128-row tiles, process, and stack the results
import numpy as np
np.random.seed(1)
x = np.random.randint(0, 10, size=(512, 4)).astype(np.float32)
tiles = np.split(x, x.shape[0] // 128)
print(len(tiles), tiles[0].shape)
processed = [t * 2 + i for i, t in enumerate(tiles)]
y = np.concatenate(processed, axis=0)
print(y.shape, y[::128, 0], y.sum())
stacked = np.stack([t.sum(axis=0) for t in tiles])
print(stacked.shape, stacked)
check = (x.reshape(4, 128, 4) * 2 + np.arange(4)[:, None, None]).reshape(512, 4)
print(np.array_equal(check, y))
