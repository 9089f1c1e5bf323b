@nki.jit
def scan(decay, inp):
    # Mamba-style recurrence h[t] = decay[t] * h[t-1] + inp[t] along the free axis.
    P, T = decay.shape
    out = nl.ndarray((P, T), dtype=nl.float32, buffer=nl.shared_hbm)
    a = nl.load(decay)
    b = nl.load(inp)
    h = nisa.tensor_tensor_scan(a, b, initial=0.0, op0=np.multiply, op1=np.add)
    nl.store(out, value=h)
    return out
