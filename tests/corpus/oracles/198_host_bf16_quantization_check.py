# Oracle for programs/198_host_bf16_quantization_check.py: bfloat16 rounding from narrow_floats.
import numpy as np
from narrow_floats import astype_f32
np.random.seed(0)
x = np.random.rand(4, 8).astype(np.float32)
w = np.random.rand(8, 4).astype(np.float32)
ref = x @ w
xb = astype_f32("bfloat16", x)
wb = astype_f32("bfloat16", w)
out = astype_f32("bfloat16", xb @ wb)
print(out.dtype, out.shape)
print("allclose rtol=1e-2:", np.allclose(out, ref, rtol=1e-2, atol=1e-2))
print("allclose rtol=1e-6:", np.allclose(out, ref, rtol=1e-6, atol=0))
print("bf16 input error below 2^-8:", bool((np.abs(xb - x) <= np.abs(x) * 2 ** -8).all()))
print(np.round(out[0], 2))
