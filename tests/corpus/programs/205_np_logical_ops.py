# logical_and/or/not/xor and bitwise ops on bool and int arrays
import numpy as np
a = np.array([True, True, False, False])
b = np.array([True, False, True, False])
print(np.logical_and(a, b), np.logical_or(a, b), np.logical_not(a), np.logical_xor(a, b))
print(a & b, a | b, ~a, a ^ b)
x = np.arange(8)
print(x & 3, x | 8, x ^ 5, x << 1, x >> 1, ~x)
print(np.logical_and(x > 2, x < 6), ((x > 2) & (x < 6)).sum(), np.count_nonzero(x % 2))
m = np.array([[1, 0], [0, 2]])
print(np.logical_not(m), np.nonzero(m), np.argwhere(m))
