@nki.jit
def matmul_tiled_nisa(lhsT, rhs):
    # The tiled matmul with nisa.nc_matmul: per (m, n) output tile, K-tiles are loaded and accumulated in PSUM.
    K, M = lhsT.shape
    _, N = rhs.shape
    result = nl.ndarray((M, N), dtype=nl.float32, buffer=nl.shared_hbm)
    for m in nl.affine_range(M // 128):
        for n in nl.affine_range(N // 128):
            acc = nl.zeros((128, 128), dtype=nl.float32, buffer=nl.psum)
            for k in nl.affine_range(K // 128):
                a = nl.load(lhsT[k * 128:(k + 1) * 128, m * 128:(m + 1) * 128])
                b = nl.load(rhs[k * 128:(k + 1) * 128, n * 128:(n + 1) * 128])
                acc += nisa.nc_matmul(a, b)
            nl.store(result[m * 128:(m + 1) * 128, n * 128:(n + 1) * 128], value=nisa.tensor_copy(acc))
    return result
