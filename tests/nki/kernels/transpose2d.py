@nki.jit
def transpose2d(in_tensor):
    rows, cols = in_tensor.shape
    out = nl.ndarray((cols, rows), dtype=in_tensor.dtype, buffer=nl.shared_hbm)
    tile = nl.load(in_tensor)
    nl.store(out, value=nl.transpose(tile))
    return out
