# CS149-assignment-style harness: reference vs "kernel" output with assert_allclose and timing
import time
import numpy as np
def reference(a, b):
    return np.maximum(a @ b, 0)
def kernel(a, b):
    out = np.zeros((a.shape[0], b.shape[1]), dtype=np.float32)
    for i in range(0, a.shape[0], 64):
        out[i:i + 64] = a[i:i + 64] @ b
    return np.maximum(out, 0)
np.random.seed(149)
a = np.random.uniform(-1, 1, (256, 128)).astype(np.float32)
b = np.random.uniform(-1, 1, (128, 64)).astype(np.float32)
t0 = time.perf_counter()
out = kernel(a, b)
elapsed = time.perf_counter() - t0
ref = reference(a, b)
np.testing.assert_allclose(out, ref, atol=1e-4, rtol=1e-2)
print("correctness passed", out.shape, out.dtype)
print("elapsed recorded:", elapsed >= 0)
print(f"zeros after relu: {int((out == 0).sum())} of {out.size}")
print(f"{float(np.abs(out - ref).max()) < 1e-4}")
