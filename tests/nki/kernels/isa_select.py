@nki.jit
def isa_select(x, y, lo, hi, sel, src, idx):
    # x, y: [64, 32]; lo, hi: [64, 1] integer-valued bounds; sel: [64, 32] 0/1 values;
    # src: [32, 64]; idx: [32, 2] integer-valued positions in [0, 62]
    P, F = x.shape
    xt = nl.load(x)
    yt = nl.load(y)
    lot = nl.load(lo)
    hit = nl.load(hi)
    outs = []

    red = nl.ndarray((P, 1), dtype=nl.float32, buffer=nl.sbuf)
    outs.append(nisa.range_select(on_true_tile=xt, comp_op0=nl.greater_equal, comp_op1=nl.less, bound0=lot, bound1=hit,
                                  reduce_cmd=nisa.reduce_cmd.reset_reduce, reduce_res=red, reduce_op=np.max,
                                  range_start=2, on_false_value=-100.0))
    outs.append(red)
    outs.append(nisa.range_select(on_true_tile=xt, comp_op0=np.greater, comp_op1=np.less_equal, bound0=lot, bound1=hit))

    pred = nisa.tensor_copy(nl.load(sel), dtype=nl.uint8)
    chosen = nl.ndarray((P, F), dtype=nl.float32, buffer=nl.sbuf)
    red2 = nl.ndarray((P, 1), dtype=nl.float32, buffer=nl.sbuf)
    nisa.select_reduce(dst=chosen, predicate=pred, on_true=xt, on_false=-1.5, reduce_res=red2)
    outs.append(chosen)
    outs.append(red2)
    flipped = nl.ndarray((P, F), dtype=nl.float32, buffer=nl.sbuf)
    nisa.select_reduce(dst=flipped, predicate=pred, on_true=yt, on_false=lot, reverse_pred=True)
    outs.append(flipped)

    top = nisa.max8(src=xt)
    where = nl.ndarray((P, 8), dtype=nl.uint32, buffer=nl.sbuf)
    outs.append(nisa.nc_match_replace8(data=xt, vals=top, imm=0.0, dst_idx=where))
    outs.append(where)

    shuffled = nisa.tensor_copy(yt)
    order = [(7 * i + 3) % 32 for i in range(32)]
    order[5] = 255
    order[30] = 255
    nisa.nc_stream_shuffle(src=xt, dst=shuffled, shuffle_mask=order)
    outs.append(shuffled)

    index = nisa.tensor_copy(nl.load(idx), dtype=nl.uint16)
    outs.append(nisa.local_gather(nl.load(src), index, num_elem_per_idx=2, num_valid_indices=20))
    outs.append(nisa.local_gather(nl.load(src), index))

    results = []
    for t in outs:
        o = nl.ndarray(t.shape, dtype=nl.float32, buffer=nl.shared_hbm)
        nl.store(o, value=t)
        results.append(o)
    return tuple(results)
