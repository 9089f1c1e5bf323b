@nki.jit
def tensor_add_grid(a_input, b_input):
    c_output = nl.ndarray(a_input.shape, dtype=a_input.dtype, buffer=nl.shared_hbm)
    row0 = nl.program_id(0) * 128
    col0 = nl.program_id(1) * 64
    i_p = row0 + nl.arange(128)[:, None]
    i_f = col0 + nl.arange(64)[None, :]
    a_tile = nl.load(a_input[i_p, i_f])
    b_tile = nl.load(b_input[i_p, i_f])
    nl.store(c_output[i_p, i_f], value=a_tile + b_tile)
    return c_output
