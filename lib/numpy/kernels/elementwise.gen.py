"""Writes elementwise.golden.json: numpy's float32/float64 binary (and sqrt/abs/negative/square)
ufunc results on edge values.

Run: python3 lib/numpy/kernels/elementwise.gen.py
Inputs hold every pair of edge values (nan, +-inf, +-0, subnormals, extremes, ordinary numbers) plus a
ragged random tail, so SIMD bodies and scalar tails both see them; each op is also taken against a
broadcast scalar (x op s, s op x) for a few edge scalars. Arrays are raw little-endian bytes in base64 (bit-exact, compact).
"""
import base64, json, os
import numpy as np

N_EXTRA = 13  # 16*16 pairs + 13 = 269 elements: not a multiple of any vector width
OPS = {
    "add": np.add, "subtract": np.subtract, "multiply": np.multiply, "true_divide": np.true_divide,
    "maximum": np.maximum, "minimum": np.minimum,
    "equal": np.equal, "not_equal": np.not_equal, "less": np.less, "less_equal": np.less_equal,
    "greater": np.greater, "greater_equal": np.greater_equal,
}

UNARY = {"sqrt": np.sqrt, "absolute": np.absolute, "negative": np.negative, "square": np.square}


def edges(dt):
    fi = np.finfo(dt)
    sub = fi.smallest_subnormal
    return np.array([np.nan, np.inf, -np.inf, 0.0, -0.0, 1.0, -1.0, sub, -sub, 3 * sub,
                     fi.max, -fi.max, fi.smallest_normal, 1.5, -2.75, 1e-30], dtype=dt)


def b64(x):
    return base64.b64encode(np.ascontiguousarray(x).tobytes()).decode()


rng = np.random.default_rng(7)
inputs = {}
cases = []
with np.errstate(all="ignore"):
    for name, dt in (("float32", np.float32), ("float64", np.float64)):
        e = edges(dt)
        x = np.concatenate([np.repeat(e, len(e)), (rng.standard_normal(N_EXTRA) * 4).astype(dt)])
        y = np.concatenate([np.tile(e, len(e)), (rng.standard_normal(N_EXTRA) * 4).astype(dt)])
        scalars = np.array([np.nan, -0.0, 0.0, np.inf, e[7]], dtype=dt)
        inputs[name] = {"x": b64(x), "y": b64(y), "scalars": b64(scalars)}
        # np.where with the condition the test rebuilds: i % 3 == 0 or i % 7 == 1.
        idx = np.arange(len(x))
        cond = (idx % 3 == 0) | (idx % 7 == 1)
        cases.append({"op": "where", "dtype": name, "mode": "vv", "out": b64(np.where(cond, x, y))})
        for i, s in enumerate(scalars):
            cases.append({"op": "where", "dtype": name, "mode": "vs", "scalar": i, "out": b64(np.where(cond, x, s))})
            cases.append({"op": "where", "dtype": name, "mode": "sv", "scalar": i, "out": b64(np.where(cond, s, x))})
        cases.append({"op": "where", "dtype": name, "mode": "ss", "out": b64(np.where(cond, scalars[1], scalars[4]))})
        for op, fn in UNARY.items():
            cases.append({"op": op, "dtype": name, "mode": "unary", "out": b64(fn(x))})
        for op, fn in OPS.items():
            cases.append({"op": op, "dtype": name, "mode": "vv", "out": b64(fn(x, y))})
            for i, s in enumerate(scalars):
                cases.append({"op": op, "dtype": name, "mode": "vs", "scalar": i, "out": b64(fn(x, s))})
                cases.append({"op": op, "dtype": name, "mode": "sv", "scalar": i, "out": b64(fn(s, x))})

path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "elementwise.golden.json")
with open(path, "w") as f:
    json.dump({"numpy": np.__version__, "inputs": inputs, "cases": cases}, f, separators=(",", ":"))
print(f"{len(cases)} cases -> {path} ({os.path.getsize(path)} bytes)")
