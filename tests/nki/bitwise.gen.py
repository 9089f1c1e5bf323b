"""Goldens for tests/nki/bitwise.test.ts: NKI bitvec operators on every integer dtype, from numpy.

The simulator's documented model (docs/nki-semantics.md, "Bitwise operators"): bitvec operators run on
32-bit lanes holding each integer operand's two's complement (sign- or zero-extended from its dtype),
shift counts are unsigned 32-bit (>= 32, or negative, shifts everything out), right_shift is logical on
the lane (the ISA has no arithmetic shift right), and the lane is narrowed to the output dtype by
keeping its low bits. and/or/xor/invert/left_shift are then exactly numpy's results; right_shift is
numpy's on non-negative values and unsigned dtypes, and is computed here from numpy on the unsigned
lane for negative signed values (where numpy's arithmetic shift differs).

Run: python3 tests/nki/bitwise.gen.py  (writes tests/nki/bitwise.golden.json)
"""
import json
import pathlib

import numpy as np

P, F = 4, 16
rng = np.random.default_rng(20261126)
DTYPES = ["int8", "int16", "int32", "uint8", "uint16", "uint32"]


def values(dt):
    info = np.iinfo(dt)
    fixed = [info.min, info.max, 0, 1, 2, 3, info.max // 2, info.min // 2 + 1]
    if info.min < 0:
        fixed += [-1, -2, -3, -100 if info.bits > 8 else -99]
    r = rng.integers(info.min, int(info.max) + 1, size=P * F - len(fixed), dtype=np.int64)
    return np.array(fixed + list(r), dtype=np.int64).astype(dt)


def counts(dt):
    info = np.iinfo(dt)
    cs = [0, 1, 3, 7, 8, 9, 15, 16, 17, 23, 24, 25, 30, 31, 32, 33, 40, 63, 64, 100]
    if info.min < 0:
        cs += [-1, -8, -32, info.min]
    cs = [c for c in cs if info.min <= c <= info.max]
    return np.array([cs[i % len(cs)] for i in range(P * F)], dtype=np.int64).astype(dt)


def lane(a):
    return a.astype(np.int64) & 0xFFFFFFFF


def right_shift_model(x, c):
    cnt = lane(c)
    r = np.where(cnt < 32, lane(x) >> np.minimum(cnt, 31), 0)
    return r.astype(x.dtype)  # numpy's integer conversion keeps the low bits


cases = []
for dt in DTYPES:
    x = values(dt)
    y = np.roll(values(dt), 5)
    c = counts(dt)
    rs = right_shift_model(x, c)
    # The model is numpy's own right_shift wherever the value is non-negative.
    nonneg = x >= 0
    assert np.array_equal(rs[nonneg], np.right_shift(x, c)[nonneg])
    if x.dtype.kind == "u":
        assert np.array_equal(rs, np.right_shift(x, c))
    results = {
        "bitwise_and": np.bitwise_and(x, y),
        "bitwise_or": np.bitwise_or(x, y),
        "bitwise_xor": np.bitwise_xor(x, y),
        "invert": np.invert(x),
        "left_shift": np.left_shift(x, c),
        "right_shift": rs,
        "and_scalar": np.bitwise_and(x, np.array(np.iinfo(dt).max, dtype=dt)),
        "left_shift_scalar": np.left_shift(x, np.array(3, dtype=dt)),
        "right_shift_scalar": right_shift_model(x, np.full_like(x, 3)),
    }
    cases.append({
        "dtype": dt,
        "shape": [P, F],
        "x": x.tolist(),
        "y": y.tolist(),
        "count": c.tolist(),
        "scalar_max": int(np.iinfo(dt).max),
        "results": {k: v.astype(dt).tolist() for k, v in results.items()},
        "numpy_right_shift_differs": int(np.sum(rs != np.right_shift(x, c))),
    })

# The motivating case: |x| of float32 by clearing the sign bit of its int32 view.
xf = np.concatenate([np.array([-0.0, 0.0, -1.5, 3.25, -np.inf, np.inf, -1e-45, 1e38], dtype=np.float32),
                     rng.standard_normal(P * F - 8).astype(np.float32) * 1000])
absbits = (xf.view(np.int32) & np.int32(0x7FFFFFFF)).view(np.float32)
out = {
    "cases": cases,
    "abs_by_mask": {"x_bits": xf.view(np.int32).tolist(), "result_bits": absbits.view(np.int32).tolist(), "shape": [P, F]},
}
path = pathlib.Path(__file__).with_name("bitwise.golden.json")
path.write_text(json.dumps(out, separators=(",", ":")) + "\n")
print("wrote", path, len(cases), "dtype cases")
