# Host code pattern: a numpy reference, a tiled "kernel" written with explicit loops, a comparison table
import numpy as np

def reference_rmsnorm(x, w, eps=1e-6):
    return x / np.sqrt(np.mean(x * x, axis=-1, keepdims=True) + eps) * w

def tiled_rmsnorm(x, w, eps=1e-6, rows_per_tile=2):
    out = np.empty_like(x)
    for r0 in range(0, x.shape[0], rows_per_tile):
        tile = x[r0:r0 + rows_per_tile]
        ms = (tile * tile).sum(axis=1, keepdims=True) / x.shape[1]
        out[r0:r0 + rows_per_tile] = tile / np.sqrt(ms + eps) * w
    return out

rng = np.random.default_rng(11)
x = rng.standard_normal((6, 32)).astype(np.float32)
w = rng.uniform(0.5, 1.5, 32).astype(np.float32)
ref = reference_rmsnorm(x, w)
out = tiled_rmsnorm(x, w)
print(f"{'row':>3} {'max_abs_err':>12} {'ok':>4}")
for i in range(x.shape[0]):
    err = float(np.max(np.abs(out[i] - ref[i])))
    print(f"{i:>3} {err < 1e-5!s:>12} {bool(np.allclose(out[i], ref[i], rtol=1e-5, atol=1e-6))!s:>4}")
print("all close:", np.allclose(out, ref, rtol=1e-5, atol=1e-6))
