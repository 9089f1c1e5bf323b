@nki.compiler.skip_middle_end_transformations
@nki.jit
def dma_vectors(a, b):
    # CS149-style: 1-D HBM vectors moved into (n, 1) SBUF tiles with nisa.dma_copy, added with
    # tensor_scalar using a [P, 1] tile operand, and returned through a reshaped output.
    n = a.shape[0]
    out = nl.ndarray(shape=(n,), dtype=a.dtype, buffer=nl.hbm)
    at = nl.ndarray((n, 1), dtype=a.dtype, buffer=nl.sbuf)
    bt = nl.ndarray((n, 1), dtype=b.dtype, buffer=nl.sbuf)
    nisa.dma_copy(src=a, dst=at)
    nisa.dma_copy(src=b, dst=bt)
    s = nisa.tensor_scalar(at, nl.add, bt)
    nisa.dma_copy(src=s, dst=out)
    return out
