# NEP 50: Python ints that do not fit the array dtype raise; in-place casting rules
import numpy as np
u = np.array([1, 2], dtype=np.uint8)
i8 = np.array([100], dtype=np.int8)
for f in [lambda: u + 300, lambda: u + (-1), lambda: i8 * 1000, lambda: np.int8(1) + 300, lambda: np.uint8(5) - 10]:
    try:
        print(f())
    except OverflowError as e:
        print("OverflowError:", e)
print(u + 255, u - 1, (i8 + 27).dtype, np.int8(100) + np.int8(100))
a = np.arange(3)
try:
    a += 1.5
except Exception as e:
    print(type(e).__name__ + ":", e)
b = np.arange(3, dtype=np.float32)
b += 1
b *= 2.5
print(b, b.dtype)
c = np.zeros(2, dtype=np.int32)
c += np.int64(7)
print(c, c.dtype)
print((u * 1.0).dtype, (u + np.float32(1)).dtype, (i8 + 1.0).dtype)
