@nki.jit
def tensor_methods(a, w):
    # a: [64, 32], w: [1, 32]
    out = nl.ndarray((64, 32), dtype=nl.float32, buffer=nl.shared_hbm)
    x = nl.load(a).astype(nl.bfloat16)
    wb = nl.load(w).broadcast_to((64, 32))
    nl.store(out, value=x * wb)
    return out
