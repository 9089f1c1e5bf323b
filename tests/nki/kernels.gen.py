"""Golden values for tests/nki/kernels.test.ts: inputs and numpy reference outputs per kernel.

Run: python3 tests/nki/kernels.gen.py  (writes tests/nki/kernels.golden.json)
"""
import base64
import json
import math
import pathlib

import numpy as np

HERE = pathlib.Path(__file__).parent


def gen(seed, shape, lo=-1.0, hi=1.0, quantum=0.0):
    """Deterministic inputs the TS test rebuilds bit-exactly (integer hash, float64 arithmetic, RNE to float32)."""
    n = int(np.prod(shape))
    i = np.arange(n, dtype=np.int64) + seed * 1000003
    u = ((i * 2654435761) % 2**32).astype(np.float64) / 2**32
    x = u * (hi - lo) + lo
    if quantum:
        x = np.floor(x / quantum) * quantum
    return x.astype(np.float32).reshape(shape)


def rand(seed, shape, lo=-1.0, hi=1.0, quantum=0.0):
    return (gen(seed, shape, lo, hi, quantum), seed, lo, hi, quantum)


def f32_base64(a):
    return base64.b64encode(np.ascontiguousarray(a, dtype="<f4").tobytes()).decode()


def softmax(x):
    e = np.exp(x - x.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def scan_ref(d, x):
    h = np.zeros(d.shape[0], dtype=np.float64)
    out = np.zeros(d.shape, dtype=np.float64)
    for t in range(d.shape[1]):
        h = d[:, t] * h + x[:, t]
        out[:, t] = h
    return out


def bf16(x):
    """float32 -> bfloat16 with round-to-nearest-even, returned as float32."""
    u = np.ascontiguousarray(x, dtype=np.float32).view(np.uint32).astype(np.uint64)
    u = ((u + 0x7FFF + ((u >> 16) & 1)) >> 16) << 16
    return u.astype(np.uint32).view(np.float32)


def sig(x):
    return 1 / (1 + np.exp(-x))


CASES = [
    ("tensor_add", "tensor_add(a, b)", {"a": rand(1, (128, 64)), "b": rand(2, (128, 64))}, lambda a, b: [a + b], 1e-6),
    ("tensor_add_grid", "tensor_add_grid[2, 2](a, b)", {"a": rand(3, (256, 128)), "b": rand(4, (256, 128))}, lambda a, b: [a + b], 1e-6),
    ("tensor_add_ragged", "tensor_add_ragged(a, b)", {"a": rand(5, (300, 48)), "b": rand(6, (300, 48))}, lambda a, b: [a + b], 1e-6),
    ("slices_and_scalars", "slices_and_scalars(a)", {"a": rand(7, (128, 64))}, lambda a: [(a * 2.0 + 1) - a / 4], 1e-6),
    ("static_and_python_loops", "static_and_python_loops(a)", {"a": rand(8, (128, 64))}, lambda a: [-a], 0),
    ("unary_math", "unary_math(a)", {"a": rand(9, (64, 32))}, lambda a: [(np.exp(a) + np.tanh(a)) * sig(a)], 1e-5),
    ("reductions", "reductions(a)", {"a": rand(10, (96, 40))},
     lambda a: [a.sum(axis=1, keepdims=True), a.max(axis=1, keepdims=True), a.mean(axis=1, keepdims=True)], 1e-5),
    ("softmax", "softmax_kernel(a)", {"a": rand(11, (64, 100), -4, 4)}, lambda a: [softmax(a)], 1e-5),
    ("matmul_tiled", "matmul_tiled(lhsT, rhs)", {"lhsT": rand(12, (256, 256)), "rhs": rand(13, (256, 128))},
     lambda lhsT, rhs: [lhsT.T.astype(np.float64) @ rhs.astype(np.float64)], 1e-4),
    ("matmul_nisa", "matmul_nisa(lhsT, rhs)", {"lhsT": rand(15, (256, 64)), "rhs": rand(16, (256, 96))},
     lambda lhsT, rhs: [lhsT.T.astype(np.float64) @ rhs.astype(np.float64)], 1e-4),
    ("rmsnorm_isa", "rmsnorm_isa(x, w)", {"x": rand(17, (64, 80)), "w": rand(18, (1, 80))},
     lambda x, w: [x / np.sqrt((x.astype(np.float64) ** 2).mean(axis=1, keepdims=True) + 1e-6) * w], 1e-5),
    ("layernorm_bn", "layernorm_bn(x)", {"x": rand(19, (32, 96), -3, 3)},
     lambda x: [(x - x.mean(axis=1, keepdims=True)) / np.sqrt(x.var(axis=1, keepdims=True) + 1e-5)], 1e-4),
    ("layernorm_mean", "layernorm_mean(x)", {"x": rand(20, (32, 96), -3, 3)},
     lambda x: [(x - x.mean(axis=1, keepdims=True)) / np.sqrt(x.var(axis=1, keepdims=True) + 1e-5)], 1e-4),
    ("scan", "scan(decay, inp)", {"decay": rand(21, (16, 40), 0.5, 1.0), "inp": rand(22, (16, 40))}, lambda d, x: [scan_ref(d, x)], 1e-5),
    ("dma_vectors", "dma_vectors(a, b)", {"a": rand(23, (100,)), "b": rand(24, (100,))}, lambda a, b: [a + b], 1e-6),
    ("avgpool", "avgpool(x)", {"x": rand(25, (8, 12, 16))}, lambda x: [x.reshape(8, 6, 2, 8, 2).mean(axis=(2, 4))], 1e-6),
    ("transpose2d", "transpose2d(x)", {"x": rand(14, (32, 24))}, lambda x: [x.T], 0),
]


erf = np.vectorize(math.erf)

UNARY = {
    "exp": np.exp, "tanh": np.tanh, "sigmoid": sig, "relu": lambda x: np.maximum(x, 0), "abs": np.abs, "square": np.square,
    "negative": np.negative, "sin": np.sin, "cos": np.cos, "arctan": np.arctan, "sign": np.sign, "floor": np.floor, "ceil": np.ceil,
    "gelu": lambda x: 0.5 * x * (1 + erf(x / np.sqrt(2))), "silu": lambda x: x * sig(x), "erf": erf,
    "softplus": lambda x: np.log1p(np.exp(x)),
}
POSITIVE_UNARY = {"log": np.log, "sqrt": np.sqrt, "rsqrt": lambda x: 1 / np.sqrt(x), "reciprocal": lambda x: 1 / x}
BINARY = {
    "add": np.add, "subtract": np.subtract, "multiply": np.multiply, "maximum": np.maximum,
    "minimum": np.minimum, "equal": np.equal, "not_equal": np.not_equal, "greater": np.greater,
    "greater_equal": np.greater_equal, "less": np.less, "less_equal": np.less_equal,
}

for k, (name, f) in enumerate(UNARY.items()):
    CASES.append((f"unary_{name}", f'unary_op(a, "{name}")', {"a": rand(100 + k, (32, 16), -2, 2)}, lambda a, f=f: [f(a.astype(np.float64))], 2e-6))
for k, (name, f) in enumerate(POSITIVE_UNARY.items()):
    CASES.append((f"unary_{name}", f'unary_op(a, "{name}")', {"a": rand(200 + k, (32, 16), 0.1, 2)}, lambda a, f=f: [f(a.astype(np.float64))], 2e-6))
for k, (name, f) in enumerate(BINARY.items()):
    # Quantised inputs so comparisons see ties.
    CASES.append((f"binary_{name}", f'binary_op(a, b, "{name}")',
                  {"a": rand(300 + k, (32, 16), -2, 2, quantum=0.25), "b": rand(400 + k, (32, 16), -2, 2, quantum=0.25)},
                  lambda a, b, f=f: [f(a.astype(np.float64), b.astype(np.float64))], 1e-6))
CASES.append(("binary_divide", 'binary_op(a, b, "divide")', {"a": rand(502, (32, 16), -2, 2), "b": rand(503, (32, 16), 0.25, 2)},
              lambda a, b: [np.divide(a.astype(np.float64), b)], 1e-6))
for k, (name, f) in enumerate({"mod": np.mod, "fmod": np.fmod}.items()):
    CASES.append((f"binary_{name}", f'binary_op(a, b, "{name}")', {"a": rand(510 + k, (32, 16), -4, 4), "b": rand(520 + k, (32, 16), 0.5, 2)},
                  lambda a, b, f=f: [f(a.astype(np.float64), b.astype(np.float64))], 1e-6))
CASES.append(("binary_power", 'binary_op(a, b, "power")', {"a": rand(500, (32, 16), 0.1, 2), "b": rand(501, (32, 16), -2, 2)},
              lambda a, b: [np.power(a.astype(np.float64), b)], 2e-6))
CASES.append(("api_misc", "api_misc(a, w)", {"a": rand(600, (64, 32)), "w": rand(601, (1, 32))},
              lambda a, w: [a.T, bf16(a * w).reshape(32, 64)], 0))


def attention_ref(qT, kT, v):
    q, k, v = qT.T.astype(np.float64), kT.T.astype(np.float64), v.astype(np.float64)
    return softmax(q @ k.T / np.sqrt(q.shape[1])) @ v


CASES.append(("attention", "attention(qT, kT, v)", {"qT": rand(700, (32, 64)), "kT": rand(701, (32, 64)), "v": rand(702, (64, 32))},
              lambda qT, kT, v: [attention_ref(qT, kT, v)], 1e-5))


def isa_misc_ref(x, y, b):
    x64, y64 = x.astype(np.float64), y.astype(np.float64)
    P, F = x.shape
    ip, jf = np.mgrid[0:P, 0:F]
    return [
        np.exp(0.5 * x64 + b), np.tanh(x64), np.tanh(x64).sum(axis=1, keepdims=True), 2 * x64 + y64,
        x64 + 1, (x64 + 1).sum(axis=1, keepdims=True), -np.sort(-x64, axis=1)[:, :8], (ip * 3 + jf).astype(np.float64),
        np.where(ip - jf >= 0, x64, -9984.0), np.where(x64 > 0, x64, y64), x64.T,
    ]


CASES.append(("isa_misc", "isa_misc(x, y, bias)", {"x": rand(800, (64, 32), -2, 2), "y": rand(801, (64, 32)), "bias": rand(802, (64, 1))},
              isa_misc_ref, 2e-6))


CASES.append(("tensor_methods", "tensor_methods(a, w)", {"a": rand(900, (64, 32)), "w": rand(901, (1, 32))},
              lambda a, w: [bf16(a) * w], 0))


def nl_misc_ref(x, w):
    x64, w64 = x.astype(np.float64), w.astype(np.float64)
    F = x.shape[1]
    order = np.argsort(-x64, axis=1, kind="stable")[:, :8]
    return [
        np.where(x64 > 1.0, x64, -1.0), x64.var(axis=1).reshape(-1, 1),
        x64 / np.sqrt((x64 ** 2).mean(axis=1, keepdims=True) + 1e-6) * w64,
        x64 + 1, x64.prod(axis=1, keepdims=True), x64.min(axis=1, keepdims=True), x64.sum(axis=0, keepdims=True),
        x64.T, 1 / x64, w64, order.astype(np.float64),
    ]


CASES.append(("nl_misc", "nl_misc(x, w)", {"x": rand(1000, (32, 16), 0.5, 2), "w": rand(1001, (1, 16))}, nl_misc_ref, 1e-5))


CASES.append(("matmul_basic", "matmul_basic(x, y)", {"x": rand(1100, (64, 128)), "y": rand(1101, (128, 256))},
              lambda x, y: [x.astype(np.float64) @ y.astype(np.float64)], 1e-4))
CASES.append(("matmul_blocked", "matmul_blocked(lhsT, rhs)", {"lhsT": rand(1102, (256, 128)), "rhs": rand(1103, (256, 256))},
              lambda lhsT, rhs: [lhsT.T.astype(np.float64) @ rhs.astype(np.float64)], 1e-4))
# The same three matmuls written with nisa.nc_matmul instead of nl.matmul.
CASES.append(("matmul_basic_nisa", "matmul_basic_nisa(x, y)", {"x": rand(1104, (64, 128)), "y": rand(1105, (128, 256))},
              lambda x, y: [x.astype(np.float64) @ y.astype(np.float64)], 1e-4))
CASES.append(("matmul_tiled_nisa", "matmul_tiled_nisa(lhsT, rhs)", {"lhsT": rand(1106, (256, 256)), "rhs": rand(1107, (256, 128))},
              lambda lhsT, rhs: [lhsT.T.astype(np.float64) @ rhs.astype(np.float64)], 1e-4))
CASES.append(("matmul_blocked_nisa", "matmul_blocked_nisa(lhsT, rhs)", {"lhsT": rand(1108, (256, 128)), "rhs": rand(1109, (256, 256))},
              lambda lhsT, rhs: [lhsT.T.astype(np.float64) @ rhs.astype(np.float64)], 1e-4))


def match_replace8_ref(x, vals, imm):
    """ISA page's numpy equivalent: each value in turn replaces its first occurrence in the updated data."""
    out = x.copy()
    idx = np.zeros(vals.shape, dtype=np.float64)
    for p in range(x.shape[0]):
        for k in range(vals.shape[1]):
            hits = np.nonzero(out[p] == vals[p, k])[0]
            if hits.size:
                idx[p, k] = hits[0]
                out[p, hits[0]] = imm
    return out, idx


def local_gather_ref(src, index, per_idx, valid):
    """Each 16-partition group flattens its index slice column-major; partitions read their own row."""
    P = src.shape[0]
    out = np.zeros((P, valid, per_idx), dtype=np.float64)
    for g in range(P // 16):
        ks = index[16 * g:16 * g + 16].flatten(order="F")[:valid].astype(np.int64)
        for j, k in enumerate(ks):
            out[16 * g:16 * g + 16, j, :] = src[16 * g:16 * g + 16, k:k + per_idx]
    return out


def isa_select_ref(x, y, lo, hi, sel, src, idx):
    x64, y64 = x.astype(np.float64), y.astype(np.float64)
    P, F = x.shape
    j = np.arange(F)[None, :]
    ranged = np.where((j + 2 >= lo) & (j + 2 < hi), x64, -100.0)
    ranged_default = np.where((j > lo) & (j <= hi), x64, np.finfo(np.float32).min)
    chosen = np.where(sel != 0, x64, -1.5)
    flipped = np.where(sel != 0, lo, y64)
    top8 = -np.sort(-x64, axis=1)[:, :8]
    replaced, where = match_replace8_ref(x64, top8, 0.0)
    order = [(7 * i + 3) % 32 for i in range(32)]
    order[5] = order[30] = 255
    shuffled = y64.copy()
    for p in range(P):
        s = order[p % 32]
        if s != 255:
            shuffled[p] = x64[p - p % 32 + s]
    return [
        ranged, ranged.max(axis=1, keepdims=True), ranged_default, chosen, chosen.max(axis=1, keepdims=True), flipped,
        replaced, where, shuffled, local_gather_ref(src, idx, 2, 20), local_gather_ref(src, idx, 1, 32),
    ]


CASES.append(("isa_select", "isa_select(x, y, lo, hi, sel, src, idx)", {
    "x": rand(1200, (64, 32), -2, 2), "y": rand(1201, (64, 32)), "lo": rand(1202, (64, 1), 0, 16, quantum=1),
    "hi": rand(1203, (64, 1), 8, 33, quantum=1), "sel": rand(1204, (64, 32), 0, 2, quantum=1),
    "src": rand(1205, (32, 64)), "idx": rand(1206, (32, 2), 0, 63, quantum=1),
}, isa_select_ref, 0))


def isa_reduce_cmd_ref(x, y):
    ex, ty = np.exp(x.astype(np.float64)), np.tanh(y.astype(np.float64))
    first = ex.sum(axis=1, keepdims=True)
    return [ex, first, ty, first + ty.sum(axis=1, keepdims=True)]


CASES.append(("isa_reduce_cmd", "isa_reduce_cmd(x, y)", {"x": rand(1300, (64, 32)), "y": rand(1301, (64, 32))}, isa_reduce_cmd_ref, 1e-5))


def kernel_file(case):
    """Sweep cases share one generic kernel; the others have a file of their own."""
    op = case.split("_", 1)[-1]
    if case.startswith("unary_") and (op in UNARY or op in POSITIVE_UNARY):
        return "unary_op"
    if case.startswith("binary_") and (op in BINARY or op in ("divide", "power", "mod", "fmod")):
        return "binary_op"
    return case


def main():
    out = []
    for name, call, inputs, ref, tol in CASES:
        expected = ref(*(v[0] for v in inputs.values()))
        out.append({
            "name": name,
            "file": f"kernels/{kernel_file(name)}.py",
            "call": call,
            "inputs": {k: {"shape": list(v.shape), "seed": seed, "lo": lo, "hi": hi, "quantum": q, "check": f32_base64(v.ravel()[:8])}
                       for k, (v, seed, lo, hi, q) in inputs.items()},
            "expected": [{"shape": list(e.shape), "float32": f32_base64(e)} for e in expected],
            "tol": tol,
        })
    (HERE / "kernels.golden.json").write_text(json.dumps(out) + "\n")


if __name__ == "__main__":
    main()
