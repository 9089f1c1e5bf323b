@nki.jit
def static_and_python_loops(a_input):
    out = nl.ndarray(a_input.shape, dtype=a_input.dtype, buffer=nl.shared_hbm)
    for i in nl.static_range(2):
        for j in range(2):
            i_p, i_f = nl.mgrid[0:64, 0:32]
            tile = nl.load(a_input[i * 64 + i_p, j * 32 + i_f])
            nl.store(out[i * 64 + i_p, j * 32 + i_f], value=-tile)
    return out
