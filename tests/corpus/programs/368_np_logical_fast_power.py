# Logical ufuncs with out-of-range Python ints; ** 2 on integer and bool arrays runs square (bool ** 2 is int8).
import numpy as np
print(np.logical_and(np.array([7, 0], dtype=np.uint32), -1), np.logical_or(np.array([0], dtype=np.uint8), 300))
print(repr(np.array([True, False]) ** 2), repr(np.array([3, -2], dtype=np.int8) ** 2), repr(np.array([3], dtype=np.int16) ** 2.0), repr(np.array([2]) ** 3))
try:
    np.array([2]) ** -1
except ValueError as e:
    print(e)
for d in (np.uint8, np.int32, np.float16):
    a = np.arange(4, dtype=d)
    print(repr(a ** 2), repr(a ** 2.0), repr(np.logical_xor(a, -5)))
print(repr(np.array([[True]]) ** 2), repr(np.array([1, 2], dtype=np.uint16) ** 1))
