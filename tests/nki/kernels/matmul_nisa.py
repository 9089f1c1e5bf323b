@nki.jit
def matmul_nisa(lhsT, rhs):
    # Hoisted loads, nisa.nc_matmul accumulating in a PSUM tile, blocked over K.
    K, M = lhsT.shape
    _, N = rhs.shape
    result = nl.ndarray((M, N), dtype=nl.float32, buffer=nl.shared_hbm)
    a_tiles = nl.ndarray((K // 128, nl.par_dim(128), M), dtype=lhsT.dtype, buffer=nl.sbuf)
    b_tiles = nl.ndarray((K // 128, nl.par_dim(128), N), dtype=rhs.dtype, buffer=nl.sbuf)
    for k in nl.affine_range(K // 128):
        a_tiles[k] = nl.load(lhsT[k * 128:(k + 1) * 128, :])
        b_tiles[k] = nl.load(rhs[k * 128:(k + 1) * 128, :])
    acc = nl.zeros((M, N), dtype=nl.float32, buffer=nl.psum)
    for k in nl.affine_range(K // 128):
        acc += nisa.nc_matmul(a_tiles[k], b_tiles[k])
    res = nisa.tensor_copy(acc)
    nl.store(result, value=res)
    return result
