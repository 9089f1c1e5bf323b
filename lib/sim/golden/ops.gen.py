"""Golden values for lib/sim instruction semantics, computed with numpy (float32 arithmetic) and
exact round-to-nearest-even narrow-float rounding written here from the IEEE definitions.

Run: python3 lib/sim/golden/ops.gen.py  (writes ops.golden.json next to this file)
"""

import json
import math
import os

import numpy as np

rng = np.random.default_rng(20261125)
f32 = np.float32

# ---------------------------------------------------------------- narrow float rounding (RNE)

FORMATS = {
    # name: (exponent bits, mantissa bits, has infinity)
    "bfloat16": (8, 7, True),
    "float16": (5, 10, True),
    "tfloat32": (8, 10, True),
    "float8_e4m3": (4, 3, True),
    "float8_e5m2": (5, 2, True),
    "float8_e4m3fn": (4, 3, False),
}


def round_format(x, name):
    """Round one double to the named format with ties to even."""
    eb, mb, has_inf = FORMATS[name]
    x = float(x)
    if math.isnan(x):
        return math.nan
    if math.isinf(x):
        return x if has_inf else math.nan
    if x == 0:
        return x
    bias = 2 ** (eb - 1) - 1
    if has_inf:
        emax = (2 ** eb - 2) - bias
        max_finite = (2 - 2.0 ** -mb) * 2.0 ** emax
    else:  # OCP e4m3fn: top exponent usable except mantissa all-ones
        emax = (2 ** eb - 1) - bias
        max_finite = (2 - 2.0 ** (1 - mb)) * 2.0 ** emax
    emin = 1 - bias
    a = abs(x)
    e = max(math.frexp(a)[1] - 1, emin)
    quantum = 2.0 ** (e - mb)
    r = round(a / quantum) * quantum  # Python round() is ties-to-even
    if r > max_finite:
        return math.copysign(math.inf, x) if has_inf else math.nan
    return math.copysign(r, x)


def cast(values, dtype):
    """Cast float32 results to `dtype` as the engines do (fp32 first, then the output format)."""
    v = np.asarray(values, dtype=np.float64).astype(f32)
    if dtype == "float32":
        return v.astype(np.float64)
    if dtype in FORMATS:
        return np.vectorize(lambda t: round_format(t, dtype), otypes=[np.float64])(v)
    if dtype == "bool_":
        return (v != 0).astype(np.float64)
    bits = {"int8": 8, "int16": 16, "int32": 32, "uint8": 8, "uint16": 16, "uint32": 32}[dtype]
    lo, hi = (0, 2 ** bits - 1) if dtype.startswith("u") else (-(2 ** (bits - 1)), 2 ** (bits - 1) - 1)
    t = np.trunc(np.nan_to_num(v.astype(np.float64), nan=0.0))
    return np.clip(t, lo, hi)


def rand(shape, dtype="float32", lo=-2.0, hi=2.0):
    return cast(rng.uniform(lo, hi, size=shape), dtype)


def enc(a, wide=False):
    """Little-endian float32 (or float64 when `wide`) bytes in base64: exact and compact."""
    import base64
    v = np.asarray(a, dtype=np.float64).ravel()
    raw = v.astype("<f8" if wide else "<f4").tobytes()
    return base64.b64encode(raw).decode("ascii")


def arr(a, dtype, shape=None):
    a = np.asarray(a)
    wide = dtype in ("int32", "uint32")
    return {"dtype": dtype, "shape": list(shape if shape is not None else a.shape), "wide": wide, "data": enc(a, wide)}


cases = {}


def case(name, **kw):
    cases[name] = kw


F = lambda a: np.asarray(a, dtype=np.float64).astype(f32)  # noqa: E731

# ---------------------------------------------------------------- tensor_tensor
for op, fn in [("add", np.add), ("subtract", np.subtract), ("multiply", np.multiply), ("maximum", np.maximum),
               ("divide", np.divide), ("power", None)]:
    a = rand((128, 48))
    b = rand((128, 48), lo=0.5 if op in ("divide",) else -2.0)
    if op == "power":
        a = rand((128, 48), lo=0.1, hi=3.0)
        b = rand((128, 48), lo=-2.0, hi=2.0)
        out = np.power(a, b)  # double pow, then fp32: matches fp32 evaluation of pow to < 1 ulp
    else:
        out = fn(F(a), F(b))
    case(f"tensor_tensor_{op}", a=arr(a, "float32"), b=arr(b, "float32"), op=op, out_dtype="float32",
         expected=arr(cast(out, "float32"), "float32"))

a = rand((37, 20), "bfloat16")
b = rand((37, 20), "bfloat16")
case("tensor_tensor_bf16_partial_partitions", a=arr(a, "bfloat16"), b=arr(b, "bfloat16"), op="multiply",
     out_dtype="bfloat16", expected=arr(cast(F(a) * F(b), "bfloat16"), "bfloat16"))

a = rand((64, 16))
b = rand((64, 16))
mask = (np.arange(64)[:, None] < 50) & (np.arange(16)[None, :] < 12)
out = np.where(mask, F(a) + F(b), np.nan)
case("tensor_tensor_masked", a=arr(a, "float32"), b=arr(b, "float32"), op="add", out_dtype="float32",
     mask=enc(mask.astype(np.float64)), expected=arr(out, "float32"))

a = rand((32, 8), "float16")
b = rand((32, 8), "bfloat16")
case("tensor_tensor_mixed_to_fp8", a=arr(a, "float16"), b=arr(b, "bfloat16"), op="subtract", out_dtype="float8_e4m3",
     expected=arr(cast(F(a) - F(b), "float8_e4m3"), "float8_e4m3"))

a = cast(rng.integers(0, 1000, size=(16, 8)), "int32")
b = cast(rng.integers(0, 1000, size=(16, 8)), "int32")
case("tensor_tensor_bitwise_and", a=arr(a, "int32"), b=arr(b, "int32"), op="bitwise_and", out_dtype="int32",
     expected=arr(np.bitwise_and(a.astype(np.int64), b.astype(np.int64)), "int32"))

# ---------------------------------------------------------------- tensor_scalar family
x = rand((96, 40))
v = rand((96, 1))
out = F(F(x) * f32(2.5)) + F(v)
case("tensor_scalar_mult_add_vector", x=arr(x, "float32"), operand1=arr(v, "float32"), out_dtype="bfloat16",
     expected=arr(cast(out, "bfloat16"), "bfloat16"))
out = f32(3.0) - F(x)
case("tensor_scalar_reverse_subtract", x=arr(x, "float32"), out_dtype="float32", expected=arr(cast(out, "float32"), "float32"))

y = rand((96, 40))
out = F(F(x) * F(v)) + F(y)
case("scalar_tensor_tensor", x=arr(x, "float32"), v=arr(v, "float32"), y=arr(y, "float32"),
     expected=arr(cast(out, "float32"), "float32"))

t = F(F(x) + f32(1.0))
red = np.zeros((96, 1), dtype=f32)
for p in range(96):
    acc = f32(0)
    for val in t[p]:
        acc = f32(acc + val)
    red[p, 0] = acc
case("tensor_scalar_reduce_add", x=arr(x, "float32"), expected=arr(t, "float32"), expected_reduce=arr(red, "float32"))

# ---------------------------------------------------------------- copies, reciprocal, memset
x = rand((64, 24), lo=-300.0, hi=300.0)
case("tensor_copy_casts", x=arr(x, "float32"),
     expected_bf16=arr(cast(x, "bfloat16"), "bfloat16"), expected_int8=arr(cast(x, "int8"), "int8"),
     expected_uint16=arr(cast(x, "uint16"), "uint16"), expected_fp8e5=arr(cast(x, "float8_e5m2"), "float8_e5m2"))

src = rand((32, 16))
pred = rng.integers(0, 2, size=(32, 16)).astype(np.float64)
old = rand((32, 16))
case("tensor_copy_predicated", src=arr(src, "float32"), pred=arr(pred, "uint8"), old=arr(old, "float32"),
     expected=arr(np.where(pred != 0, src, old), "float32"), expected_reverse=arr(np.where(pred == 0, src, old), "float32"))

x = rand((128, 32), lo=0.1, hi=4.0)
case("reciprocal", x=arr(x, "float32"), expected=arr(f32(1.0) / F(x), "float32"))
case("memset_bf16", value=1.1, expected_value=round_format(1.1, "bfloat16"))

# ---------------------------------------------------------------- activation
def erf(t):
    return math.erf(t)


def sigmoid(t):
    return 1.0 / (1.0 + math.exp(-t))


def softplus(t):
    return t if t > 30 else math.log1p(math.exp(t))


ACT = {
    "copy": lambda t: t,
    "square": lambda t: t * t,
    "sigmoid": sigmoid,
    "relu": lambda t: max(t, 0.0),
    "gelu": lambda t: 0.5 * t * (1 + erf(t / math.sqrt(2))),
    "gelu_dx": lambda t: 0.5 * (1 + erf(t / math.sqrt(2))) + t * math.exp(-0.5 * t * t) / math.sqrt(2 * math.pi),
    "gelu_apprx_tanh": lambda t: 0.5 * t * (1 + math.tanh(math.sqrt(2 / math.pi) * (t + 0.044715 * t ** 3))),
    "gelu_apprx_sigmoid": lambda t: t * sigmoid(1.702 * t),
    "silu": lambda t: t * sigmoid(t),
    "silu_dx": lambda t: sigmoid(t) * (1 + t * (1 - sigmoid(t))),
    "tanh": math.tanh,
    "softplus": softplus,
    "mish": lambda t: t * math.tanh(softplus(t)),
    "erf": erf,
    "erf_dx": lambda t: 2 / math.sqrt(math.pi) * math.exp(-t * t),
    "exp": math.exp,
    "log": math.log,
    "sin": math.sin,
    "arctan": math.atan,
    "sqrt": math.sqrt,
    "rsqrt": lambda t: 1 / math.sqrt(t),
    "reciprocal": lambda t: 1 / t,
    "sign": lambda t: float(np.sign(t)),
    "abs": abs,
}
POSITIVE = {"log", "sqrt", "rsqrt", "reciprocal"}
for name, fn in ACT.items():
    lo, hi = (0.2, 3.0) if name in POSITIVE else (-3.0, 3.0)
    x = rand((64, 20), lo=lo, hi=hi)
    scale = rand((64, 1), lo=0.5, hi=1.0)
    bias = rand((64, 1), lo=0.0, hi=0.1) if name in POSITIVE else rand((64, 1), lo=-0.5, hi=0.5)
    pre = F(F(x) * F(scale)) + F(bias)
    out = np.vectorize(lambda t: float(f32(fn(float(t)))), otypes=[np.float64])(pre)
    case(f"activation_{name}", x=arr(x, "float32"), scale=arr(scale, "float32"), bias=arr(bias, "float32"), op=name,
         expected=arr(out, "float32"))

x = rand((32, 50))
out = np.vectorize(lambda t: float(f32(math.exp(float(t)))), otypes=[np.float64])(F(x))
red = np.zeros((32, 1))
for p in range(32):
    acc = f32(0)
    for val in F(out[p]):
        acc = f32(acc + val)
    red[p, 0] = acc
case("activation_exp_reduce_add", x=arr(x, "float32"), expected=arr(out, "float32"), expected_reduce=arr(red, "float32"))

# ---------------------------------------------------------------- matmul and transpose
st = rand((128, 64), "bfloat16")
mv = rand((128, 128), "bfloat16")
st2 = rand((128, 64), "bfloat16")
mv2 = rand((128, 128), "bfloat16")
r1 = st.T.astype(np.float64) @ mv.astype(np.float64)
r2 = r1 + st2.T.astype(np.float64) @ mv2.astype(np.float64)
case("nc_matmul_bf16_accumulate", st=arr(st, "bfloat16"), mv=arr(mv, "bfloat16"), st2=arr(st2, "bfloat16"),
     mv2=arr(mv2, "bfloat16"), expected_first=arr(r1, "float32"), expected=arr(r2, "float32"))
st = rand((100, 32))
mv = rand((100, 70))
case("nc_matmul_fp32_partial", st=arr(st, "float32"), mv=arr(mv, "float32"),
     expected=arr(st.T.astype(np.float64) @ mv.astype(np.float64), "float32"))

x = rand((128, 64), "bfloat16")
case("nc_transpose_tensor", x=arr(x, "bfloat16"), expected=arr(x.T, "float32"))
x = rand((32, 16))
case("nc_transpose_vector", x=arr(x, "float32"), expected=arr(x.T, "float32"))

st = rand((32, 2, 16), "float8_e4m3")
mv = rand((32, 2, 24), "float8_e5m2")
case("nc_matmul_fp8_double_row", st=arr(st, "float8_e4m3"), mv=arr(mv, "float8_e5m2"),
     expected=arr(np.einsum("pjm,pjn->mn", st, mv), "float32"))

# ---------------------------------------------------------------- DMA
h = rand((200, 96))
case("dma_load_cast_bf16", h=arr(h, "float32"), expected=arr(cast(h[128:200, 32:96], "bfloat16"), "bfloat16"))
h = rand((70, 10))
acc = rand((70, 10))
case("dma_copy_rmw_add", h=arr(h, "float32"), acc=arr(acc, "float32"), expected=arr(F(acc) + F(h), "float32"))
h = rand((64, 128))
case("dma_transpose_2d", h=arr(h, "float32"), expected=arr(h.T, "float32"))

# ---------------------------------------------------------------- reductions and scans
x = rand((64, 6, 10))


def seq_reduce(a, axes, fn, init):
    """Sequential fp32 accumulation in C order over the reduced axes."""
    a = F(a)
    keep = [k for k in range(a.ndim) if k not in axes]
    moved = np.moveaxis(a, keep + list(axes), range(a.ndim))
    out_shape = moved.shape[: len(keep)]
    flat = moved.reshape(out_shape + (-1,))
    out = np.full(out_shape, init, dtype=f32)
    for idx in np.ndindex(out_shape):
        acc = f32(init)
        for val in flat[idx]:
            acc = f32(fn(acc, val))
        out[idx] = acc
    return out


case("tensor_reduce_add_last", x=arr(x, "float32"), expected=arr(seq_reduce(x, [2], np.add, 0.0), "float32"))
case("tensor_reduce_max_two_axes_negate", x=arr(x, "float32"),
     expected=arr(-seq_reduce(x, [1, 2], np.maximum, -np.inf), "float32"))
case("tensor_reduce_min_middle_axis", x=arr(x, "float32"), expected=arr(seq_reduce(x, [1], np.minimum, np.inf), "float32"))

x = rand((48, 12))
case("tensor_partition_reduce", x=arr(x, "float32"),
     expected_add=arr(seq_reduce(x.T, [1], np.add, 0.0)[None, :], "float32"),
     expected_max=arr(np.max(x, axis=0)[None, :], "float32"))

a = rand((16, 30), lo=0.5, hi=1.0)
b = rand((16, 30))
init = rand((16, 1))
res = np.zeros_like(a)
for p in range(16):
    prev = f32(init[p, 0])
    for i in range(30):
        prev = f32(f32(f32(a[p, i]) * prev) + f32(b[p, i]))
        res[p, i] = prev
case("tensor_tensor_scan_mamba", a=arr(a, "float32"), b=arr(b, "float32"), init=arr(init, "float32"),
     expected=arr(res, "float32"))

# ---------------------------------------------------------------- iota / selects
P, F1, F2 = 16, 4, 6
p_idx = np.arange(P)[:, None, None]
i1 = np.arange(F1)[None, :, None]
i2 = np.arange(F2)[None, None, :]
case("iota_affine", expected=arr((7 + 3 * p_idx + 10 * i1 - 2 * i2).reshape(P, F1 * F2), "int32"))
x = rand((32, 32))
causal = np.arange(32)[:, None] - np.arange(32)[None, :] >= 0
case("affine_select_causal", x=arr(x, "float32"), expected=arr(np.where(causal, x, -9984.0), "float32"))

x = rand((20, 24))
b0 = rng.integers(0, 10, size=(20, 1)).astype(np.float64)
b1 = b0 + rng.integers(1, 10, size=(20, 1))
j = np.arange(24)[None, :] + 2
keep = (j >= b0) & (j < b1)
fp32min = float(np.finfo(np.float32).min)
sel = np.where(keep, x, fp32min)
case("range_select_max", x=arr(x, "float32"), b0=arr(b0, "float32"), b1=arr(b1, "float32"),
     expected=arr(sel, "float32"), expected_reduce=arr(sel.max(axis=1, keepdims=True), "float32"))

pred = rng.integers(0, 2, size=(24, 16)).astype(np.float64)
x = rand((24, 16))
onf = rand((24, 1))
sel = np.where(pred != 0, x, onf)
case("select_reduce_max", pred=arr(pred, "int8"), x=arr(x, "float32"), onf=arr(onf, "float32"),
     expected=arr(sel, "float32"), expected_reduce=arr(sel.max(axis=1, keepdims=True), "float32"))

data = rand((24, 5, 8))
idx = rng.integers(0, 40, size=(24, 12)).astype(np.float64)
case("gather_flattened", data=arr(data, "float32"), idx=arr(idx, "int32"),
     expected=arr(np.take_along_axis(data.reshape(24, 40), idx.astype(np.int64), axis=1), "float32"))

# ---------------------------------------------------------------- bn_stats / bn_aggr, max8 family
x = rand((32, 128), lo=-3, hi=5)
xs = [x[:, :64], x[:, 64:]]
case("bn_stats_aggr", x=arr(x, "float32"), expected_mean=arr(x.mean(axis=1, keepdims=True), "float32"),
     expected_var=arr(x.var(axis=1, keepdims=True), "float32"),
     expected_stats_count_even=32, expected_even_mean=arr(xs[0][:, 0::2].mean(axis=1), "float32"))

x = rand((8, 40))
top = -np.sort(-x, axis=1)[:, :8]
case("max8", x=arr(x, "float32"), expected=arr(top, "float32"))
x = cast(rng.integers(0, 6, size=(4, 30)), "float32")
vals = cast(rng.integers(0, 6, size=(4, 8)), "float32")
# nc_find_index8: first occurrence of each value.
idx = np.array([[np.where(x[p] == vals[p, k])[0][0] for k in range(8)] for p in range(4)], dtype=np.float64)
# nc_match_replace8: the ISA page's numpy equivalent (sequential first-occurrence replacement).
rep = x.copy()
ridx = np.zeros((4, 8))
for p in range(4):
    for k in range(8):
        matches = np.where(rep[p, :] == vals[p, k])[0]
        if matches.size > 0:
            ridx[p, k] = matches[0]
            rep[p, matches[0]] = -1.0
case("find_index8_match_replace8", x=arr(x, "float32"), vals=arr(vals, "float32"), expected_idx=arr(idx, "uint32"),
     expected_replaced=arr(rep, "float32"), expected_replace_idx=arr(ridx, "uint32"))

x = rand((64, 5))
shuffle = [int(s) for s in rng.permutation(32)]
shuffle[3] = 255
old = rand((64, 5))
out = old.copy()
for p in range(64):
    s = shuffle[p % 32]
    if s != 255:
        out[p] = x[p - p % 32 + s]
case("nc_stream_shuffle", x=arr(x, "float32"), old=arr(old, "float32"), shuffle=shuffle, expected=arr(out, "float32"))

# The documented numpy semantics [ISA226 local_gather]: indices flattened column-major per
# 16-partition core, np.take along the free axis of each partition's row.
src = rand((32, 40, 4))
index_per_core = rng.integers(0, 40, size=(16, 3))
index = np.tile(index_per_core, (2, 1))
num_elem, num_valid = 4, 40
out = np.zeros((32, num_valid, num_elem))
for core in range(2):
    lo, hi = core * 16, core * 16 + 16
    indices_1d = index[lo:hi].flatten(order="F")[:num_valid]
    out[lo:hi] = np.take(src[lo:hi], indices_1d, axis=1)
case("local_gather", src=arr(src, "float32"), index=arr((index * num_elem).astype(np.float64), "uint16"),
     num_elem=num_elem, num_valid=num_valid, expected=arr(out.reshape(32, num_valid * num_elem), "float32"))

# ---------------------------------------------------------------- nl.* lowerings
x = rand((64, 96))
mx = F(x).max(axis=1, keepdims=True)
e = np.vectorize(lambda t: float(f32(math.exp(float(t)))), otypes=[np.float64])(F(F(x) + F(-mx)))
ssum = np.zeros((64, 1), dtype=f32)
for p in range(64):
    acc = f32(0)
    for val in F(e[p]):
        acc = f32(acc + val)
    ssum[p, 0] = acc
sm = F(F(e) * F(f32(1.0) / ssum))
case("nl_softmax", x=arr(x, "float32"), expected=arr(sm, "float32"), numpy_softmax=arr(np.exp(x - x.max(axis=1, keepdims=True)) / np.exp(x - x.max(axis=1, keepdims=True)).sum(axis=1, keepdims=True), "float32"))

x = rand((32, 64))
w = rand((1, 64))
ref = x / np.sqrt((x * x).mean(axis=1, keepdims=True) + 1e-6) * w
case("nl_rms_norm", x=arr(x, "float32"), w=arr(w, "float32"), expected=arr(ref, "float32"))

x = rand((48, 10, 8))
case("nl_mean_var", x=arr(x, "float32"), expected_mean=arr(x.mean(axis=2), "float32"),
     expected_mean_12=arr(x.mean(axis=(1, 2))[:, None], "float32"), expected_var=arr(x.var(axis=2), "float32"))

a = rand((64, 32))
row = rand((1, 32))
col = rand((64, 1))
case("nl_binary_broadcast", a=arr(a, "float32"), row=arr(row, "float32"), col=arr(col, "float32"),
     expected_row=arr(F(a) + F(row), "float32"), expected_col=arr(F(a) * F(col), "float32"),
     expected_col_first=arr(F(col) - F(a), "float32"), expected_scalar=arr(cast(F(a) * f32(0.5), "float32"), "float32"),
     expected_gt=arr((F(a) > F(row)).astype(np.float64), "bool_"))

x = rand((96, 128), "bfloat16")
y = rand((128, 200), "bfloat16")
case("nl_matmul", x=arr(x, "bfloat16"), y=arr(y, "bfloat16"), expected=arr(x.astype(np.float64) @ y.astype(np.float64), "float32"))

cond = rng.integers(0, 2, size=(16, 12)).astype(np.float64)
x = rand((16, 12))
y = rand((16, 12))
case("nl_where", cond=arr(cond, "uint8"), x=arr(x, "float32"), y=arr(y, "float32"), expected=arr(np.where(cond != 0, x, y), "float32"),
     expected_scalar=arr(np.where(cond != 0, x, -1.0), "float32"))

# ---------------------------------------------------------------- tutorial kernels on the machine API
# Inputs follow a formula the test reproduces (exact in bf16), so only the product is stored.
def pattern(shape, mul):
    i = np.arange(int(np.prod(shape)), dtype=np.int64)
    return (((i * mul) % 29) - 14).astype(np.float64).reshape(shape) / 16


a_t = pattern((256, 256), 37)
b = pattern((256, 256), 53)
case("kernel_tiled_matmul", a_mul=37, b_mul=53, expected=arr(a_t.T @ b, "float32"))

x = rand((32, 1024), lo=-2, hi=3)
gamma = rand((1, 1024))
beta = rand((1, 1024))
mu = x.mean(axis=1, keepdims=True)
var = x.var(axis=1, keepdims=True)
case("kernel_layernorm", x=arr(x, "float32"), gamma=arr(gamma, "float32"), beta=arr(beta, "float32"),
     expected=arr((x - mu) / np.sqrt(var + 1e-5) * gamma + beta, "float32"))

img = rand((16, 32, 32))
pooled = img.reshape(16, 16, 2, 16, 2).mean(axis=(2, 4))
case("kernel_avgpool2d", img=arr(img, "float32"), expected=arr(pooled.reshape(16, 256), "float32"))

x = rand((8, 4 * 6))
out = x.reshape(8, 4, 6).transpose(0, 2, 1).reshape(8, 24)
case("kernel_transpose2d", x=arr(x, "float32"), expected=arr(out, "float32"))

q = rand((64, 128), "bfloat16")
k = rand((64, 128), "bfloat16")
v = rand((128, 64), "bfloat16")
sc = q.T.astype(np.float64) @ k.astype(np.float64)
pr = np.exp(sc - sc.max(axis=1, keepdims=True))
pr = pr / pr.sum(axis=1, keepdims=True)
case("kernel_attention", q=arr(q, "bfloat16"), k=arr(k, "bfloat16"), v=arr(v, "bfloat16"),
     expected=arr(pr @ v.astype(np.float64), "float32"))

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "ops.golden.json"), "w") as fh:
    json.dump({"generator": "lib/sim/golden/ops.gen.py", "numpy": np.__version__, "cases": cases}, fh)
print(f"{len(cases)} cases")
