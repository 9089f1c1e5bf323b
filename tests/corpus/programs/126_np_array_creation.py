# numpy creation functions
import numpy as np
print(np.array([1, 2, 3]), np.array([1.0, 2, 3]), np.array([[1, 2], [3, 4]]))
print(np.zeros(3), np.zeros((2, 3), dtype=np.int32), np.ones(4), np.ones((2, 2), dtype=np.float32))
print(np.full((2, 3), 7), np.full(3, 0.5), np.full((2,), True))
print(np.arange(5), np.arange(2, 10, 3), np.arange(0.0, 1.0, 0.25), np.arange(5, dtype=np.float32))
print(np.linspace(0, 1, 5), np.linspace(0, 10, 4, endpoint=False), np.linspace(-1, 1, 3, dtype=np.float32))
print(np.eye(3), np.eye(2, 3, dtype=int), np.identity(2))
a = np.array([[1, 2, 3], [4, 5, 6]], dtype=np.float32)
print(np.zeros_like(a), np.ones_like(a), np.full_like(a, 9), np.empty_like(a).shape)
print(np.empty((2, 2)).shape, np.empty(3, dtype=np.int8).dtype)
print(np.array(5), np.array(5).shape, np.array([]).shape, np.array([[]]).shape)
b = np.copy(a)
b[0, 0] = 100
print(a[0, 0], b[0, 0], np.array(a, copy=True)[1, 2])
