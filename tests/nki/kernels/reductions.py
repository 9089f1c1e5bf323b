@nki.jit
def reductions(a_input):
    sums = nl.ndarray((a_input.shape[0], 1), dtype=nl.float32, buffer=nl.shared_hbm)
    maxes = nl.ndarray((a_input.shape[0], 1), dtype=nl.float32, buffer=nl.shared_hbm)
    means = nl.ndarray((a_input.shape[0], 1), dtype=nl.float32, buffer=nl.shared_hbm)
    x = nl.load(a_input)
    nl.store(sums, value=nl.sum(x, axis=1, keepdims=True))
    nl.store(maxes, value=nl.max(x, axis=[1], keepdims=True))
    nl.store(means, value=nl.mean(x, axis=1, keepdims=True))
    return sums, maxes, means
