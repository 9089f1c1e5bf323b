@nki.jit
def matmul_blocked_nisa(lhsT, rhs):
    # The blocked matmul with nisa.nc_matmul: lhsT K-tiles loaded once per block of 2 M-tiles, reused across N.
    K, M = lhsT.shape
    _, N = rhs.shape
    TK, TM, TN = 128, 64, 128
    result = nl.ndarray((M, N), dtype=nl.float32, buffer=nl.shared_hbm)
    for mb in nl.affine_range(M // (2 * TM)):
        lhs_blk = nl.ndarray((K // TK, nl.par_dim(TK), 2 * TM), dtype=lhsT.dtype, buffer=nl.sbuf)
        for k in nl.affine_range(K // TK):
            lhs_blk[k] = nl.load(lhsT[k * TK:(k + 1) * TK, mb * 2 * TM:(mb + 1) * 2 * TM])
        for n in nl.affine_range(N // TN):
            rhs_blk = nl.ndarray((K // TK, nl.par_dim(TK), TN), dtype=rhs.dtype, buffer=nl.sbuf)
            for k in nl.affine_range(K // TK):
                rhs_blk[k] = nl.load(rhs[k * TK:(k + 1) * TK, n * TN:(n + 1) * TN])
            for m in nl.affine_range(2):
                acc = nl.zeros((TM, TN), dtype=nl.float32, buffer=nl.psum)
                for k in nl.affine_range(K // TK):
                    acc += nisa.nc_matmul(lhs_blk[k, :, m * TM:(m + 1) * TM], rhs_blk[k])
                row = mb * 2 * TM + m * TM
                nl.store(result[row:row + TM, n * TN:(n + 1) * TN], value=nisa.tensor_copy(acc))
    return result
