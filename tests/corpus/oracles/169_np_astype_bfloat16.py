# Oracle for programs/169_np_astype_bfloat16.py: same output, bfloat16 rounding from narrow_floats.
import numpy as np
from narrow_floats import astype_f32
x = np.array([1.0, 0.1, 1 / 3, 3.140625, 1.00390625, 1.01171875, 256.5, 257.0, -2.7182817, 65535.0, 1e-3, 3e38], dtype=np.float32)
print("bfloat16", 2, x.shape)
back = astype_f32("bfloat16", x)
print(back)
print(back - x)
print(astype_f32("bfloat16", np.array([0.5, 1.5], dtype=np.float32)).sum())
w = np.arange(8, dtype=np.float32) / 7
wb = astype_f32("bfloat16", w)
print(wb, np.abs(wb - w).max() <= 2 ** -8)
print(np.allclose(wb, w, rtol=1e-2), np.allclose(wb, w, rtol=1e-4, atol=0))
