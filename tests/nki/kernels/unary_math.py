@nki.jit
def unary_math(a_input):
    out = nl.ndarray(a_input.shape, dtype=nl.float32, buffer=nl.shared_hbm)
    x = nl.load(a_input)
    y = nl.add(nl.exp(x), nl.tanh(x))
    nl.store(out, value=nl.multiply(y, nl.sigmoid(x)))
    return out
