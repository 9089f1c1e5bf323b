# broadcast_to and broadcasting in arithmetic
import numpy as np
row = np.arange(3)
print(np.broadcast_to(row, (2, 3)))
print(np.broadcast_to(5, (2, 2)), np.broadcast_to(np.array([[1], [2]]), (2, 4)))
col = np.array([[10], [20], [30]])
print(col + row, (col * row).shape)
a = np.ones((2, 1, 4))
b = np.arange(3).reshape(3, 1)
print((a + b).shape, (a * b)[1, 2])
print(np.arange(6).reshape(2, 3) - np.array([1, 2, 3]))
try:
    np.broadcast_to(np.arange(3), (2, 4))
except ValueError as e:
    print("ValueError:", e)
try:
    np.arange(3) + np.arange(4)
except ValueError as e:
    print("ValueError:", e)
