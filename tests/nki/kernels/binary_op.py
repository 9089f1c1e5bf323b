@nki.jit
def binary_op(a, b, name):
    y = getattr(nl, name)(nl.load(a), nl.load(b))
    out = nl.ndarray(y.shape, dtype=y.dtype, buffer=nl.shared_hbm)
    nl.store(out, value=y)
    return out
