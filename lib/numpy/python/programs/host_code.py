# Host code in the style of NKI tutorials and the CS149 assignment: build inputs, compute references.
import numpy as np

np.random.seed(0)
a = np.random.random_sample((128, 512)).astype(np.float32)
b = np.random.random_sample((128, 512)).astype(np.float32)
ref = a + b
print(ref.shape, ref.dtype, ref[0, :4], float(ref.sum()))

def softmax(x, axis=-1):
    m = np.max(x, axis=axis, keepdims=True)
    e = np.exp(x - m)
    return e / np.sum(e, axis=axis, keepdims=True)

x = np.random.randn(4, 8).astype(np.float32)
s = softmax(x)
print(np.allclose(s.sum(axis=-1), 1.0, atol=1e-6), s.dtype, s.argmax(axis=1))

def layernorm(x, eps=1e-5):
    mu = x.mean(axis=-1, keepdims=True)
    var = ((x - mu) ** 2).mean(axis=-1, keepdims=True)
    return (x - mu) / np.sqrt(var + eps)

y = layernorm(x)
print(np.round(y[0], 4), y.std(axis=-1).round(3))

lhsT = np.random.rand(128, 64).astype(np.float16)
rhs = np.random.rand(128, 256).astype(np.float16)
out = np.matmul(lhsT.T.astype(np.float32), rhs.astype(np.float32))
print(out.shape, out.dtype, lhsT.dtype, lhsT.nbytes)

tiles = [a[i * 32:(i + 1) * 32, :] for i in range(4)]
print(len(tiles), tiles[3].shape, np.array_equal(np.concatenate(tiles), a))
relu = np.maximum(x, 0)
print((relu >= 0).all(), np.count_nonzero(relu), relu.max())
mask = np.tril(np.ones((4, 4))) if hasattr(np, "tril") else np.ones((4, 4))
print(mask.shape)
# float32 exp/norm may differ from numpy in the last bit (numpy uses SIMD kernels): print 5 digits
print(f"{np.exp(np.float32(1.0)):.5f}", np.float32(3) / np.float32(7), np.sqrt(np.float16(2)))
err = np.abs(out - out).max()
print(f"max error {err:.3e}", f"{float(a.mean()):.6f}")
idx = np.arange(128)[:, None] * 512 + np.arange(512)[None, :]
print(idx.shape, idx[1, :3], idx.dtype)
print(f"{np.linalg.norm(a - b) / np.linalg.norm(a):.5f}")
np.testing.assert_allclose(out, out, rtol=1e-3)
print("ok")
