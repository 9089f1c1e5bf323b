# Checking a kernel's bfloat16 output against a float32 reference with a loose tolerance
import numpy as np
np.random.seed(0)
x = np.random.rand(4, 8).astype(np.float32)
w = np.random.rand(8, 4).astype(np.float32)
ref = x @ w
xb = x.astype(np.bfloat16).astype(np.float32)
wb = w.astype(np.bfloat16).astype(np.float32)
out = (xb @ wb).astype(np.bfloat16).astype(np.float32)
print(out.dtype, out.shape)
print("allclose rtol=1e-2:", np.allclose(out, ref, rtol=1e-2, atol=1e-2))
print("allclose rtol=1e-6:", np.allclose(out, ref, rtol=1e-6, atol=0))
print("bf16 input error below 2^-8:", bool((np.abs(xb - x) <= np.abs(x) * 2 ** -8).all()))
print(np.round(out[0], 2))
