@nki.jit
def tensor_add_ragged(a_input, b_input):
    c_output = nl.ndarray(a_input.shape, dtype=a_input.dtype, buffer=nl.shared_hbm)
    rows, cols = a_input.shape
    for t in nl.affine_range((rows + 127) // 128):
        i_p = t * 128 + nl.arange(128)[:, None]
        i_f = nl.arange(cols)[None, :]
        a_tile = nl.load(a_input[i_p, i_f], mask=(i_p < rows))
        b_tile = nl.load(b_input[i_p, i_f], mask=(i_p < rows))
        nl.store(c_output[i_p, i_f], value=a_tile + b_tile, mask=(i_p < rows))
    return c_output
