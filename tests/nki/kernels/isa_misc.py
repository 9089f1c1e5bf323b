@nki.jit
def isa_misc(x, y, bias):
    # x, y: [64, 32]; bias: [64, 1]
    P, F = x.shape
    xt = nl.load(x)
    yt = nl.load(y)
    bt = nl.load(bias)
    outs = []
    outs.append(nisa.activation(op=nl.exp, data=xt, bias=bt, scale=0.5))
    red = nl.ndarray((P, 1), dtype=nl.float32, buffer=nl.sbuf)
    outs.append(nisa.activation_reduce(op=nl.tanh, data=xt, reduce_op=np.add, reduce_res=red))
    outs.append(red)
    outs.append(nisa.scalar_tensor_tensor(data=xt, op0=np.multiply, operand0=2.0, op1=np.add, operand1=yt))
    red2 = nl.ndarray((P, 1), dtype=nl.float32, buffer=nl.sbuf)
    outs.append(nisa.tensor_scalar_reduce(data=xt, op0=np.add, operand0=1.0, reduce_op=np.add, reduce_res=red2))
    outs.append(red2)
    outs.append(nisa.max8(src=xt))
    i_p = nl.arange(P)[:, None]
    i_f = nl.arange(F)[None, :]
    outs.append(nisa.iota(i_p * 3 + i_f, dtype=nl.float32))
    outs.append(nisa.affine_select(pred=(i_p - i_f >= 0), on_true_tile=xt, on_false_value=-9984.0))
    dst = nisa.tensor_copy(yt)
    nisa.tensor_copy_predicated(src=xt, dst=dst, predicate=nl.greater(xt, 0.0))
    outs.append(dst)
    results = []
    for t in outs:
        o = nl.ndarray(t.shape, dtype=nl.float32, buffer=nl.shared_hbm)
        nl.store(o, value=t)
        results.append(o)
    tr = nl.ndarray((F, P), dtype=nl.float32, buffer=nl.shared_hbm)
    nl.store(tr, value=nisa.dma_transpose(x))
    results.append(tr)
    return tuple(results)
