# Ellipsis and None/newaxis in indices
import numpy as np
a = np.arange(24).reshape(2, 3, 4)
print(a[..., 0], a[..., 0].shape, a[0, ...].shape, a[..., 1:3].shape, a[1, ..., 2])
print(a[:, None].shape, a[..., None].shape, a[None, ..., None].shape)
print(a[0, :, None, 1].shape, a[np.newaxis, 0, 1])
x = np.arange(5)
print(x[:, None] - x[None, :])
print(a[...].shape, a[..., :].shape, a[1, ...][2])
img = np.arange(2 * 4 * 4).reshape(2, 4, 4)
print(img[..., ::2, ::2])
