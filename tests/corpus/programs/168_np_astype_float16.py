# float16 rounding through astype (round-to-nearest-even) and printing
import numpy as np
x = np.array([0.1, 0.2, 1 / 3, 1000.1, 65504.0, 65520.0, 1e-8, 6e-8, 2049.0, 2051.0, -0.0], dtype=np.float64)
h = x.astype(np.float16)
print(h)
print(h.astype(np.float64))
print(repr(h[:4]), h.dtype, h.itemsize)
f = np.array([1.0009765625, 1.00048828125, 1.000732421875, 3.14159], dtype=np.float32)
print(f.astype(np.float16), f.astype(np.float16).astype(np.float32) - f)
print(np.float16(2049), np.float16(2051), np.float16(0.1) * np.float16(3), np.float16(70000))
print(np.finfo(np.float16).eps, np.finfo(np.float16).tiny, np.float16(np.finfo(np.float16).max))
acc = np.float16(0)
for _ in range(3000):
    acc += np.float16(1)
print(acc)
