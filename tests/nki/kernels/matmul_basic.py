@nki.jit
def matmul_basic(x, y):
    # x: [64, 128] (M, K), y: [128, 256] (K, N): nl.matmul transposes x on TensorE first.
    out = nl.ndarray((x.shape[0], y.shape[1]), dtype=nl.float32, buffer=nl.shared_hbm)
    r = nl.matmul(nl.load(x), nl.load(y))
    nl.store(out, value=r)
    return out
