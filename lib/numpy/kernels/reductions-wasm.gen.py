"""Writes reductions-wasm.golden.json: numpy's float32 sums (whole and along axis 0) and float32/float64 max/min of arrays
long enough to take the SIMD reductions (>= 512 elements), including nan, +-inf and +-0 placements. Sum inputs come from an LCG
(`lcg_f32`) the test reproduces; max/min inputs are stored as raw bytes in base64.

Mixed +0/-0 arrays are left out: numpy's result for them depends on its SIMD lane order (x86 min/max
return the second operand of equal values), while Kernel Lab orders -0 < +0 like Math.max/Math.min.

Run: python3 lib/numpy/kernels/reductions-wasm.gen.py
"""
import base64, json, os
import numpy as np

rng = np.random.default_rng(11)


def b64(x):
    return base64.b64encode(np.ascontiguousarray(x).tobytes()).decode()


def lcg_f32(n, seed):
    """float32 values from a 32-bit LCG (the test rebuilds them): random mantissa and sign, exponents
    spanning 2^-8..2^8 so the float32 sum depends on the exact summation order."""
    bits = np.empty(n, dtype=np.uint32)
    s = seed
    for i in range(n):
        s = (s * 1664525 + 1013904223) % 2**32
        bits[i] = (s & 0x80000000) | ((119 + (s >> 23) % 17) << 23) | (s & 0x7FFFFF)
    return bits.view(np.float32)


cases = []
for n in (512, 513, 777, 1000, 4099, 65536 + 5, 300007):
    x = lcg_f32(n, n)
    cases.append({"kind": "sum", "dtype": "float32", "n": n, "seed": n, "result": b64(np.array([x.sum()]))})

for shape in ((513, 37), (64, 1029), (1000, 1000), (4, 50, 30)):
    n = int(np.prod(shape))
    x = lcg_f32(n, n + 1).reshape(shape)
    cases.append({"kind": "sum0", "shape": list(shape), "seed": n + 1, "result": b64(x.sum(axis=0))})

# Sums along the last axis: rows of many lengths (short rows, rows not a multiple of 8, rows longer
# than a 16384-element staging chunk), several rows per staging chunk.
for shape in ((1000, 37), (300, 8), (50, 1000), (3, 20000), (4, 50, 30), (2, 7)):
    n = int(np.prod(shape))
    x = lcg_f32(n, n + 2).reshape(shape)
    cases.append({"kind": "sum-last", "shape": list(shape), "seed": n + 2, "result": b64(x.sum(axis=-1))})

# max/min along the last axis and along axis 0 of lcg_f32 data (no zeros) as float32 and float64,
# with NaN written at (row, column) pairs ("nan" lists them; the test writes the same ones).
for shape, nans in (((1000, 37), [(3, 0), (500, 36), (999, 17)]), ((300, 8), [(0, 7)]), ((5, 10000), [(2, 9999)]),
                    ((40, 500), []), ((2, 7), [(1, 1)]), ((4, 50, 30), [])):
    n = int(np.prod(shape))
    for name, dt in (("float32", np.float32), ("float64", np.float64)):
        x = lcg_f32(n, n + 3).astype(dt).reshape(shape)
        for r, c in nans:
            x.reshape(shape[0], -1)[r, c] = np.nan
        cases.append({"kind": "extremum-axis", "dtype": name, "shape": list(shape), "seed": n + 3, "nan": nans,
                      "max1": b64(x.max(axis=-1)), "min1": b64(x.min(axis=-1)),
                      # Axis-0 results of the 10000-column shape would bloat the file; its rows are the point.
                      "max0": b64(x.max(axis=0)) if shape[-1] <= 1000 else None,
                      "min0": b64(x.min(axis=0)) if shape[-1] <= 1000 else None})

for name, dt in (("float32", np.float32), ("float64", np.float64)):
    base = rng.standard_normal(1029).astype(dt)
    variants = {
        "random": base,
        "nan in the tail": np.concatenate([base[:-1], [np.nan]]).astype(dt),
        "nan in the SIMD body": np.where(np.arange(1029) == 300, np.nan, base).astype(dt),
        "nan first": np.where(np.arange(1029) == 0, np.nan, base).astype(dt),
        "-inf and inf": np.where(np.arange(1029) == 7, np.inf, np.where(np.arange(1029) == 9, -np.inf, base)).astype(dt),
        "negative zeros only": np.full(1029, -0.0, dtype=dt),
    }
    for label, x in variants.items():
        cases.append({"kind": "extremum", "dtype": name, "label": label, "x": b64(x),
                      "max": b64(np.array([x.max()], dtype=dt)), "min": b64(np.array([x.min()], dtype=dt))})

# Longer than extremumWasm's 64 KiB staging chunks (16384 float32, 8192 float64 elements): lcg_f32
# values (as the dtype), negated to -|x| when "negate" is set, then single elements overwritten.
N_LONG = 40003
long32 = lcg_f32(N_LONG, 5)
for name, dt in (("float32", np.float32), ("float64", np.float64)):
    for label, negate, sets in (
        ("random", False, []),
        ("nan in a later chunk", False, [(35000, "NaN")]),
        ("nan last", False, [(N_LONG - 1, "NaN")]),
        ("extremes in the last chunk", False, [(40000, "1000"), (40001, "-1000")]),
        ("non-positive, max -0 in an early chunk", True, [(20, "-0")]),
    ):
        x = long32.astype(dt)
        if negate:
            x = -np.abs(x)
        for i, v in sets:
            x[i] = float(v.replace("NaN", "nan"))
        cases.append({"kind": "extremum-long", "dtype": name, "label": f"{N_LONG} {label}", "n": N_LONG, "seed": 5,
                      "negate": negate, "set": sets,
                      "max": b64(np.array([x.max()], dtype=dt)), "min": b64(np.array([x.min()], dtype=dt))})

path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "reductions-wasm.golden.json")
with open(path, "w") as f:
    json.dump({"numpy": np.__version__, "cases": cases}, f, separators=(",", ":"))
print(f"{len(cases)} cases -> {path} ({os.path.getsize(path)} bytes)")
