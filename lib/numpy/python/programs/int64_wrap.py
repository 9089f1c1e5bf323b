# int64/uint64 +, -, * wrap modulo 2^64 like numpy's C loops (results that land within 2^53 are exact)
import numpy as np

a = np.array([2 ** 62, -(2 ** 62), 3])
print(a * 4, a * 2, a + a, a - np.array([-(2 ** 62), 2 ** 62, 1]), (a * 4).dtype)
print(np.array([2 ** 40, -(2 ** 40)]) * np.array([2 ** 30, 2 ** 23]), np.array([2 ** 52]) * 2 - 1, np.array([2 ** 32]) * 2 ** 32)
u = np.array([2 ** 62, 5], dtype=np.uint64) * 2
print(u * 2, np.array([2 ** 32], dtype=np.uint64) * 2 ** 32)
b = np.array([2 ** 61, 7])
b *= 8
print(b, np.cumprod(np.array([2 ** 31, 2 ** 31, 4])), np.prod(np.array([2 ** 32, 2 ** 32])))
print(np.int64(2 ** 62) * 2, repr(np.array([-(2 ** 63)])), np.uint64(2 ** 62) * np.uint64(2), np.array([2 ** 60]) * 16)
