# Single-head attention reference in float32 (tolerance: exp)
# corpus: tolerance=1e-5
import numpy as np
rng = np.random.default_rng(0)
d = 16
q = rng.standard_normal((8, d)).astype(np.float32)
k = rng.standard_normal((8, d)).astype(np.float32)
v = rng.standard_normal((8, d)).astype(np.float32)
scores = q @ k.T / np.sqrt(np.float32(d))
scores = scores - scores.max(axis=1, keepdims=True)
weights = np.exp(scores)
weights = weights / weights.sum(axis=1, keepdims=True)
out = weights @ v
print(out.shape, out.dtype, scores.dtype)
print(np.round(weights.sum(axis=1), 5))
print(out[0, :4])
causal = np.where(np.arange(4)[:, None] >= np.arange(4)[None, :], 0.0, -np.inf)
print(causal)
