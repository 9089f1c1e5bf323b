"""Goldens for lib/numpy/printing: repr() and str() of arrays and scalars from numpy 2.4.

bfloat16/float8 cases need ml_dtypes (a wheel of it is on the reference machine; install it with
`pip install --no-deps --target DIR <wheel>` and run with PYTHONPATH=DIR). Without it those cases are
skipped. Run: python3 lib/numpy/printing/gen/arrayprint.gen.py
"""
import json, math, os
import numpy as np

try:
    import ml_dtypes
    NARROW = {"bfloat16": ml_dtypes.bfloat16, "float8_e4m3fn": ml_dtypes.float8_e4m3fn,
              "float8_e5m2": ml_dtypes.float8_e5m2, "float8_e4m3": ml_dtypes.float8_e4m3}
except ImportError:
    NARROW = {}

DTYPES = {"float64": np.float64, "float32": np.float32, "float16": np.float16, "int64": np.int64,
          "int32": np.int32, "int16": np.int16, "int8": np.int8, "uint8": np.uint8, "uint16": np.uint16,
          "uint32": np.uint32, "bool": np.bool_, **NARROW}

def enc(v):
    v = float(v)
    if math.isnan(v): return "nan"
    if math.isinf(v): return "inf" if v > 0 else "-inf"
    if v == 0 and math.copysign(1, v) < 0: return "-0"
    return v

def case(a, name, precision=8, **options):
    dt = [k for k, t in DTYPES.items() if np.dtype(t) == a.dtype][0]
    flat = a.ravel().tolist() if dt == "bool" else [enc(x) for x in a.ravel().astype(np.float64)]
    with np.printoptions(precision=precision, **options):
        r, s = repr(a), str(a)
    return {"name": name, "dtype": dt, "shape": list(a.shape), "data": flat, "precision": precision,
            "options": options, "repr": r, "str": s}

cases = []
def add(values, dtype, name, shape=None):
    a = np.array(values, dtype=DTYPES[dtype])
    if shape is not None:
        a = a.reshape(shape)
    cases.append(case(a, name))

nan, inf = float("nan"), float("inf")
for dt in ["float64", "float32", "float16"]:
    add([], dt, "empty")
    add([1.0, 2.0], dt, "integral floats")
    add([0.1, 0.25, 3.0], dt, "padded fractions")
    add([1e-5, 1.0], dt, "small triggers scientific")
    add([1e20, 1.5e20] if dt != "float16" else [1e4, 1.5e4], dt, "large scientific")
    add([-0.0, 0.0, 1.0], dt, "negative zero")
    add([nan, inf, -inf], dt, "all non-finite")
    add([nan], dt, "single nan")
    add([1.5, nan, -inf], dt, "mixed non-finite")
    add([0.0001, 1.0], dt, "1e-4 boundary")
    add([1.0, 1000.0], dt, "ratio 1000")
    add([1.0, 1000.5], dt, "ratio over 1000")
    add(1.5, dt, "0-d")
    add(-0.0, dt, "0-d negative zero")
    add(np.linspace(-1, 1, 37), dt, "linspace wraps")
    add(np.arange(24) / 7, dt, "3-d", (2, 3, 4))
    add(np.arange(2000) / 3, dt, "summarised 1-d")
    add(np.arange(40 * 30) / 9, dt, "summarised 2-d", (40, 30))
    add(np.zeros(0), dt, "empty 2-d", (3, 0))
    add([1 / 3, 2 / 3, 1e7], dt, "precision cut 1e7")
    add([123456789.123, 0.5], dt, "1e8 boundary")
add(np.float32(1e-4), "float32", "0-d float32 1e-4")
add([np.float32(1e-4), 1.0], "float32", "float32(1e-4) compares in float32")
add([True, False], "bool", "bools")
add([True, True], "bool", "all true")
add(True, "bool", "0-d bool")
add(np.arange(1500) % 3 == 0, "bool", "summarised bools")
add([], "bool", "empty bool")
for dt in ["int64", "int32", "int16", "int8", "uint8", "uint16", "uint32"]:
    info = np.iinfo(DTYPES[dt])
    add([0, 1, -1 if info.min < 0 else 2, 100], dt, "ints")
    # the numpy core stores int64 as exact doubles, so its extremes are taken within +-2^53
    add([max(int(info.min), -2**53), min(int(info.max), 2**53)], dt, "extremes")
    add(np.arange(100) % 120, dt, "wraps")
    add(np.arange(1100) % 100, dt, "summarised")
    add(7, dt, "0-d")
    add([], dt, "empty")
    add(np.arange(60) % 100, dt, "4-d", (2, 3, 2, 5))
add(np.arange(2**53 - 4, 2**53), "int64", "near 2^53")
add(np.zeros(0), "int64", "empty 3-d", (0, 2, 3))

rng = np.random.RandomState(20261125)
for i in range(260):
    dt = rng.choice(["float64", "float32", "float16", "int64", "int32", "int8", "uint8", "bool"])
    ndim = rng.randint(0, 4)
    big = rng.rand() < 0.1
    shape = tuple(int(rng.randint(1, 40 if big else 6)) for _ in range(ndim))
    if big and ndim == 1:
        shape = (int(rng.randint(1001, 3000)),)
    n = int(np.prod(shape)) if shape else 1
    if dt in ("float64", "float32", "float16"):
        scale = 10.0 ** rng.randint(-12 if dt != "float16" else -6, 13 if dt != "float16" else 5)
        v = rng.standard_normal(n) * scale
        if rng.rand() < 0.3: v = np.round(v, rng.randint(0, 4))
        if rng.rand() < 0.2: v[rng.randint(0, n)] = rng.choice([nan, inf, -inf, 0.0, -0.0])
    elif dt == "bool":
        v = rng.rand(n) < 0.5
    else:
        info = np.iinfo(DTYPES[dt])
        hi = min(int(info.max), 10 ** int(rng.randint(1, 12)))
        lo = max(int(info.min), -hi)
        v = rng.randint(lo, hi, size=n, dtype=np.int64)
    with np.errstate(all="ignore"):
        a = np.array(v).astype(DTYPES[dt]).reshape(shape)
    cases.append(case(a, f"random {i}"))

# wide rows, mixed signs and magnitudes, deep nesting, subnormals
for i in range(140):
    dt = rng.choice(["float64", "float32", "float16", "int64", "int16", "uint8"])
    shape = [(1, int(rng.randint(8, 40))), (int(rng.randint(2, 5)), int(rng.randint(8, 30))),
             (2, 2, 2, int(rng.randint(2, 9))),
             (int(rng.randint(13, 16)), 7, 11) if i % 8 == 3 else (3, 4, 5)][i % 4]
    n = int(np.prod(shape))
    if dt.startswith("float"):
        lo_e, hi_e = (-7, 4) if dt == "float16" else (-30, 30)
        v = rng.standard_normal(n) * 10.0 ** rng.randint(lo_e, hi_e, size=n) if rng.rand() < 0.5 else rng.standard_normal(n) * 10.0 ** rng.randint(lo_e, hi_e)
        if rng.rand() < 0.2: v[: n // 3] = np.nan
        if rng.rand() < 0.1: v = v * 1e-300 if dt == "float64" else v
    else:
        info = np.iinfo(DTYPES[dt])
        v = rng.randint(max(int(info.min), -10**9), min(int(info.max), 10**9), size=n, dtype=np.int64)
    with np.errstate(all="ignore"):
        a = np.array(v).astype(DTYPES[dt]).reshape(shape)
    cases.append(case(a, f"layout {i}"))

# other print precisions (numpy.testing prints with precision=6 and users call set_printoptions)
for i in range(80):
    dt = ["float64", "float32", "float16"][i % 3]
    precision = [0, 1, 3, 4, 6, 10, 12, 17][i % 8]
    n = int(rng.randint(1, 9))
    v = rng.standard_normal(n) * 10.0 ** rng.randint(-6 if dt == "float16" else -12, 5 if dt == "float16" else 12)
    if i % 5 == 0: v = np.round(v)
    with np.errstate(all="ignore"):
        a = np.array(v).astype(DTYPES[dt])
    cases.append(case(a, f"precision {precision} #{i}", precision))
for p in [3, 10]:
    for dt in ["float64", "float32", "float16"]:
        for vals in ([12345.0, 12000.0], [1.5e8, 1.2e8], [1.5e5, 1.2e5], [1 / 3, 2 / 3], [999.0, 1000.0]):
            cases.append(case(np.array(vals, dtype=DTYPES[dt]), f"precision {p} {vals}", p))

# the other set_printoptions knobs: suppress, linewidth, threshold, edgeitems
for i in range(60):
    dt = ["float64", "float32", "int64", "float16"][i % 4]
    options = [{"suppress": True}, {"linewidth": 40}, {"linewidth": 120}, {"threshold": 10},
               {"threshold": 10, "edgeitems": 1}, {"edgeitems": 5, "threshold": 50}][i % 6]
    shape = [(int(rng.randint(1, 30)),), (int(rng.randint(2, 8)), int(rng.randint(2, 12)))][i % 2]
    n = int(np.prod(shape))
    if dt == "int64":
        v = rng.randint(-10**6, 10**6, size=n)
    else:
        v = rng.standard_normal(n) * 10.0 ** rng.randint(-3, 3, size=n)
        if i % 3 == 0: v[0] = 1e-9
    with np.errstate(all="ignore"):
        a = np.array(v).astype(DTYPES[dt]).reshape(shape)
    cases.append(case(a, f"options {options} #{i}", 8, **options))

for dt in NARROW:
    add([1, 2.5, 3.14159, 1e-3, 100, nan, -inf, -0.0], dt, "ml_dtypes values")
    add([[1, 2], [3, 4]], dt, "ml_dtypes 2-d")
    add(np.arange(1200) % 7, dt, "ml_dtypes summarised")
    add(2.5, dt, "ml_dtypes 0-d")
    add([], dt, "ml_dtypes empty")
    add([0.5078125, 123456.0, 0.1], dt, "ml_dtypes %g half-even") if dt == "bfloat16" else None

scalars = []
def scal(dt, v):
    with np.errstate(all="ignore"):
        s = DTYPES[dt](v)
    vv = bool(s) if dt == "bool" else enc(float(s))
    scalars.append({"dtype": dt, "value": vv, "repr": repr(s), "str": str(s)})

specials = [0.0, -0.0, 1.0, 1.5, 0.1, 1 / 3, 2 / 3, 1e-4, 9.9e-5, 1e-5, 123.456, 999.5, 1000.0, 1e3 + 1,
            65504.0, 1e5, 999999.0, 1e6, 1234567.0, 16777216.0, 1e7, 1e8, 1e15, 9999999999999998.0, 1e16,
            1e20, 1e-20, 5e-324, 1.7976931348623157e308, nan, inf, -inf, -2.5, 3.14159, 2.0 ** -24]
for dt in ["float64", "float32", "float16"]:
    for v in specials:
        scal(dt, v)
    for v in rng.standard_normal(40) * 10.0 ** rng.randint(-8, 9, size=40):
        scal(dt, v)
for dt in ["int64", "int32", "int16", "int8", "uint8", "uint16", "uint32"]:
    for v in [0, 1, 7, 100]:
        scal(dt, v)
    scal(dt, min(int(np.iinfo(DTYPES[dt]).max), 2**53))
    scal(dt, max(int(np.iinfo(DTYPES[dt]).min), -2**53))
scal("bool", True)
scal("bool", False)
for dt in NARROW:
    for v in [0.0, -0.0, 1.0, 2.5, 3.14159, 1e-3, 448.0, 1e-5, 57344.0, nan]:
        scal(dt, v)

out = {"numpy": np.__version__, "ml_dtypes": NARROW and ml_dtypes.__version__, "arrays": cases, "scalars": scalars}
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "golden", "arrayprint.json")
with open(path, "w") as f:
    json.dump(out, f, separators=(",", ":"))
print(len(cases), "arrays", len(scalars), "scalars", os.path.getsize(path), "bytes")
