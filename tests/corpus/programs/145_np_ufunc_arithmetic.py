# Elementwise arithmetic operators and ufuncs
import numpy as np
a = np.array([1.0, 2.0, 3.0, 4.0])
b = np.array([0.5, -1.0, 2.0, 8.0])
print(a + b, a - b, a * b, a / b, a // b, a % b, a ** 2, -a)
print(np.add(a, 1), np.subtract(10, a), np.multiply(a, b), np.divide(a, 4), np.power(a, 0.5))
print(np.negative(b), np.abs(b), np.absolute(b), np.floor_divide(a, 3), np.mod(a, 3))
i = np.arange(-3, 4)
print(i // 2, i % 3, i * i, i ** 2, 2 ** np.arange(5), np.abs(i))
print(np.array([1, 2]) / np.array([2, 4]), (np.array([7]) // 2).dtype, (np.arange(3) / 1).dtype)
print(a @ b, np.dot(a, b), a.sum())
x = np.arange(5, dtype=np.float32)
print(x * 2.5, (x * 2.5).dtype, x + np.float64(1), (x + np.float64(1)).dtype, (x + 1).dtype)
