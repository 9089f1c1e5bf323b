# Tiled matmul reference (K-tiles of 128, M-tiles of 128, N-tiles of 512) vs np.matmul
import numpy as np
rng = np.random.default_rng(0)
K, M, N = 256, 128, 1024
lhsT = rng.standard_normal((K, M)).astype(np.float32)
rhs = rng.standard_normal((K, N)).astype(np.float32)
TILE_K, TILE_M, TILE_N = 128, 128, 512
out = np.zeros((M, N), dtype=np.float32)
for m in range(M // TILE_M):
    for n in range(N // TILE_N):
        acc = np.zeros((TILE_M, TILE_N), dtype=np.float32)
        for k in range(K // TILE_K):
            a_tile = lhsT[k * TILE_K:(k + 1) * TILE_K, m * TILE_M:(m + 1) * TILE_M]
            b_tile = rhs[k * TILE_K:(k + 1) * TILE_K, n * TILE_N:(n + 1) * TILE_N]
            acc += a_tile.T @ b_tile
        out[m * TILE_M:(m + 1) * TILE_M, n * TILE_N:(n + 1) * TILE_N] = acc
ref = lhsT.T @ rhs
print(out.shape, out.dtype)
print("allclose:", np.allclose(out, ref, atol=1e-4, rtol=1e-4))
print("tiles:", (M // TILE_M) * (N // TILE_N) * (K // TILE_K))
print("max rel err below 1e-5:", bool((np.abs(out - ref) / (np.abs(ref) + 1e-3)).max() < 1e-5))
