@nki.jit
def unary_op(a, name):
    y = getattr(nl, name)(nl.load(a))
    out = nl.ndarray(y.shape, dtype=y.dtype, buffer=nl.shared_hbm)
    nl.store(out, value=y)
    return out
