# matmul (@), dot, shapes and dtypes
import numpy as np
a = np.arange(6).reshape(2, 3)
b = np.arange(12).reshape(3, 4)
print(a @ b, np.matmul(a, b), np.dot(a, b).shape)
v = np.array([1, 2, 3])
print(a @ v, v @ b, v @ v, np.dot(v, v), np.dot(2, 3), np.dot(a, 2))
x = np.arange(24, dtype=np.float32).reshape(2, 3, 4)
y = np.ones((2, 4, 5), dtype=np.float32)
print((x @ y).shape, (x @ y).dtype, (x @ np.ones((4, 2))).shape, (x @ np.ones(4)).shape)
f = np.array([[0.5, 1.5], [2.0, -1.0]])
print(f @ f, f @ np.eye(2), (f.T @ f).T)
print(a.dot(b).sum(), np.array([[1.0, 2.0]]) @ np.array([[3.0], [4.0]]))
try:
    a @ a
except ValueError as e:
    print("ValueError:", e)
