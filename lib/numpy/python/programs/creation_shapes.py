import numpy as np
print(np.zeros(3), np.ones((2, 2), dtype=np.int32), np.full((2, 3), 7), np.full(2, 1.5, dtype=np.float32))
print(np.empty((0, 3)).shape, np.zeros_like(np.ones(3)), np.ones_like(np.zeros((2,), dtype=np.int8)))
print(np.arange(5), np.arange(1, 10, 3), np.arange(0.0, 1.0, 0.25), np.arange(10, dtype=np.float32)[-1])
print(np.linspace(0, 1, 5), np.linspace(0, 1, 4, endpoint=False), np.linspace(0, 10, 3, retstep=True))
print(np.eye(3), np.eye(2, 3, k=1), np.identity(2, dtype=int))
print(np.fromfunction(lambda i, j: i * 10 + j, (2, 3)))
a = np.arange(24).reshape(2, 3, 4)
print(a.reshape(-1, 6).shape, a.transpose(1, 0, 2).shape, np.swapaxes(a, 0, 2).shape, np.expand_dims(a, 0).shape)
print(np.squeeze(np.ones((1, 3, 1))).shape, np.broadcast_to(np.arange(3), (2, 3)))
print(np.concatenate([np.ones((2, 2)), np.zeros((1, 2))]), np.stack([np.arange(3), np.arange(3)], axis=1))
print(np.vstack([np.arange(3), np.arange(3)]), np.hstack([np.arange(2), np.arange(3)]))
print(np.split(np.arange(6), 3), np.array_split(np.arange(7), 3))
print(np.tile(np.arange(3), 2), np.tile(np.array([[1, 2]]), (2, 2)), np.repeat(np.array([1, 2]), 3))
print(np.repeat(np.array([[1, 2], [3, 4]]), 2, axis=0), np.flip(np.arange(4)), np.pad(np.ones((2, 2)), 1))
print(np.pad(np.arange(3), (2, 1), constant_values=9), np.ravel(a)[:5], a.flatten()[-3:], np.ascontiguousarray(a.T).shape)
print(np.array([[1, 2, 3]]).T, np.arange(6).reshape(2, 3)[:, None, :].shape)
print(np.where(np.arange(5) > 2, 1.0, -1.0), np.where(np.array([0, 3, 0, 5])))
print(np.clip(np.arange(6), 1, 4), np.round(np.array([0.5, 1.5, 2.675]), 2), np.around(1.2345, 2))
print(np.reshape(np.arange(6), (3, 2)), np.transpose(np.ones((2, 3))).shape)
try:
    np.arange(6).reshape(4, 2)
except ValueError as e:
    print("ValueError:", e)
try:
    np.ones((2, 3)) + np.ones(4)
except ValueError as e:
    print("ValueError:", e)
try:
    np.arange(3)[5]
except IndexError as e:
    print("IndexError:", e)
np.concatenate([np.ones((2, 3)), np.ones((2, 2))])
