@nki.jit
def layernorm_bn(x):
    # LayerNorm without affine params via bn_stats / bn_aggr (mean, variance per row).
    N, D = x.shape
    out = nl.ndarray((N, D), dtype=x.dtype, buffer=nl.shared_hbm)
    xt = nl.load(x)
    stats = nisa.bn_stats(xt)
    mv = nisa.bn_aggr(stats)
    mean = mv[:, 0:1]
    var = mv[:, 1:2]
    rstd = nisa.activation(op=nl.rsqrt, data=nisa.tensor_scalar(var, np.add, 1e-5))
    centred = nisa.tensor_scalar(xt, np.subtract, mean)
    nl.store(out, value=nisa.tensor_scalar(centred, np.multiply, rstd))
    return out
