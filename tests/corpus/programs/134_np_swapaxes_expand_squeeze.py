# swapaxes, expand_dims, squeeze, newaxis
import numpy as np
a = np.arange(6).reshape(1, 2, 3)
print(np.swapaxes(a, 0, 2).shape, a.swapaxes(1, 2).shape, np.swapaxes(a, 1, 2)[0])
print(np.expand_dims(np.arange(3), 0).shape, np.expand_dims(np.arange(3), 1).shape, np.expand_dims(np.arange(3), -1))
print(np.squeeze(a).shape, a.squeeze(0).shape, np.squeeze(np.zeros((1, 3, 1))).shape)
x = np.arange(4)
print(x[:, None].shape, x[None, :].shape, x[np.newaxis].shape, x[:, np.newaxis] * x)
print(np.expand_dims(a, axis=(0, 4)).shape)
try:
    np.squeeze(np.zeros((2, 3)), axis=0)
except ValueError as e:
    print("ValueError:", e)
