# Error metrics between a float16-accumulated result and a float64 reference
import numpy as np
rng = np.random.default_rng(5)
a = rng.standard_normal((32, 32))
b = rng.standard_normal((32, 32))
ref = a @ b
lo = (a.astype(np.float16) @ b.astype(np.float16)).astype(np.float64)
abs_err = np.abs(lo - ref)
rel = np.linalg.norm(lo - ref) / np.linalg.norm(ref)
print(lo.dtype, abs_err.shape)
print("relative error below 1e-2:", bool(rel < 1e-2), "above 1e-6:", bool(rel > 1e-6))
print("allclose(atol=0.1):", np.allclose(lo, ref, atol=0.1), "allclose default:", np.allclose(lo, ref))
print("fp16 inputs exact in fp32:", np.array_equal(a.astype(np.float16).astype(np.float32).astype(np.float16), a.astype(np.float16)))
