# numpy division and modulo edge cases: zeros, negatives, integer vs float results
import numpy as np
a = np.array([7, -7, 7, -7])
b = np.array([2, 2, -2, -2])
print(a // b, a % b, np.floor_divide(a, b), np.mod(a, b), np.negative(a) // b)
f = np.array([7.5, -7.5, 0.0, 1.0])
print(f // 2, f % 2, f / 0.5, np.floor_divide(f, -2), np.mod(f, -2))
z = np.array([1.0, -1.0, 0.0]) / np.array([0.0, 0.0, 0.0])
print(z, np.isnan(z).sum(), np.isinf(z).sum())
i = np.array([5, 0, -5]) // np.array([0, 0, 0])
print(i, i.dtype, np.array([5, -5]) % np.array([0, 0]))
print(np.array([1, 2, 3]) / 0, (np.array([1, 2]) / 2).dtype, np.true_divide(3, 4))
print(np.array([2, 3], dtype=np.int8) ** 2, np.array([2.0]) ** -1, np.array([-8.0]) ** (1 / 3))
print(np.power(np.array([2, 3]), np.array([0, 3])), np.float32(7) % np.float32(-2))
