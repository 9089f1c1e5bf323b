# concatenate, stack, vstack, hstack
import numpy as np
a = np.arange(6).reshape(2, 3)
b = np.arange(6, 12).reshape(2, 3)
print(np.concatenate([a, b]), np.concatenate([a, b], axis=1), np.concatenate((a, b), axis=None))
print(np.stack([a, b]).shape, np.stack([a, b], axis=1).shape, np.stack([a, b], axis=-1)[0])
print(np.vstack([a, b]).shape, np.hstack([a, b]).shape, np.vstack([np.arange(3), np.arange(3)]))
print(np.hstack([np.arange(2), np.arange(3)]), np.concatenate([np.zeros(2, dtype=np.int32), np.ones(1)]).dtype)
print(np.stack([np.float32(1), np.float32(2)]), np.concatenate([[1, 2], [3]]))
try:
    np.concatenate([a, np.arange(4).reshape(2, 2)])
except ValueError as e:
    print("ValueError:", e)
try:
    np.stack([a, np.arange(3)])
except ValueError as e:
    print("ValueError:", e)
