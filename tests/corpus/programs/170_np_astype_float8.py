# float8_e4m3 and float8_e5m2 rounding through astype (values inspected in float32)
import numpy as np
x = np.array([0.0, 0.1, 0.3, 1.0, 1.0625, 1.125, 1.1875, 2.5, 3.3, 15.0, 17.0, 100.0, 200.0, 0.015625, 0.002, -0.7], dtype=np.float32)
e4 = x.astype(np.float8_e4m3).astype(np.float32)
e5 = x.astype(np.float8_e5m2).astype(np.float32)
print(e4)
print(e5)
print(np.float32(np.abs(e4 - x).max()), np.float32(np.abs(e5 - x).max()))
print(x.astype(np.float8_e4m3).dtype, x.astype(np.float8_e5m2).itemsize)
fn = np.array([1.0, 0.3, 300.0, 448.0, -5.5], dtype=np.float32).astype(np.float8_e4m3fn).astype(np.float32)
print(fn)
scale = np.float32(0.5)
q = (x * scale).astype(np.float8_e4m3).astype(np.float32) / scale
print(q)
