# Oracle for programs/170_np_astype_float8.py: same output, float8 rounding from narrow_floats.
import numpy as np
from narrow_floats import astype_f32
x = np.array([0.0, 0.1, 0.3, 1.0, 1.0625, 1.125, 1.1875, 2.5, 3.3, 15.0, 17.0, 100.0, 200.0, 0.015625, 0.002, -0.7], dtype=np.float32)
e4 = astype_f32("float8_e4m3", x)
e5 = astype_f32("float8_e5m2", x)
print(e4)
print(e5)
print(np.float32(np.abs(e4 - x).max()), np.float32(np.abs(e5 - x).max()))
print("float8_e4m3", 1)
fn = astype_f32("float8_e4m3fn", np.array([1.0, 0.3, 300.0, 448.0, -5.5], dtype=np.float32))
print(fn)
scale = np.float32(0.5)
q = astype_f32("float8_e4m3", x * scale) / scale
print(q)
