@nki.jit
def api_misc(a, w):
    # a: [64, 32], w: [1, 32]
    out1 = nl.ndarray((32, 64), dtype=nl.float32, buffer=nl.shared_hbm)
    out2 = nl.ndarray((64, 32), dtype=nl.bfloat16, buffer=nl.shared_hbm)
    nl.store(out1, value=nl.load_transpose2d(a))
    x = nl.load(a)
    wb = nl.broadcast_to(nl.load(w), (64, 32))
    y = nl.static_cast(x * wb + nl.zeros_like(x), nl.bfloat16)
    assert nl.tile_size.pmax == 128
    nl.store(out2, value=y)
    return out1, out2.reshape((32, 64))
