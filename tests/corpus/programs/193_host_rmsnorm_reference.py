# RMSNorm reference in float32 with a bfloat16-free check
import numpy as np
np.random.seed(3)
hidden = np.random.rand(8, 64).astype(np.float32)
weight = np.random.rand(64).astype(np.float32)
def rmsnorm(h, w, eps=1e-6):
    rms = np.sqrt(np.mean(np.square(h), axis=1, keepdims=True) + eps)
    return h / rms * w
out = rmsnorm(hidden, weight)
print(out.shape, out.dtype)
check = hidden / np.sqrt((hidden.astype(np.float64) ** 2).mean(axis=1, keepdims=True) + 1e-6) * weight
print("allclose:", np.allclose(out, check, rtol=1e-5))
print("norm of first row:", round(float(np.linalg.norm(out[0] / weight)), 3))
