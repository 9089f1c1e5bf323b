@nki.jit
def matmul_basic_nisa(x, y):
    # x: [64, 128] (M, K), y: [128, 256] (K, N). nc_matmul contracts over the partition dimension, so x is
    # transposed on TensorE first (into PSUM) and copied to SBUF as the stationary operand.
    out = nl.ndarray((x.shape[0], y.shape[1]), dtype=nl.float32, buffer=nl.shared_hbm)
    xT = nisa.tensor_copy(nisa.nc_transpose(nl.load(x)))
    r = nisa.nc_matmul(xT, nl.load(y))
    nl.store(out, value=nisa.tensor_copy(r))
    return out
