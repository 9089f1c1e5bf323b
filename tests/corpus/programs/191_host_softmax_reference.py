# Softmax reference in float64 vs float32 kernel-style computation
import numpy as np
np.random.seed(42)
x = np.random.randn(4, 8)
def softmax_ref(v):
    e = np.exp(v - v.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)
ref = softmax_ref(x)
x32 = x.astype(np.float32)
row_max = np.max(x32, axis=1, keepdims=True)
exps = np.exp(x32 - row_max)
out = exps / np.sum(exps, axis=1, keepdims=True)
print(ref.shape, ref.dtype, out.dtype)
print("rows sum to 1:", np.allclose(out.sum(axis=1), 1.0))
print("matches reference:", np.allclose(out, ref, atol=1e-6))
print("argmax equal:", np.array_equal(out.argmax(axis=1), ref.argmax(axis=1)))
print(np.round(ref[0], 6))
