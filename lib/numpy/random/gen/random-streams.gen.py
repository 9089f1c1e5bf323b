"""Golden streams for lib/numpy/random: numpy 2.4's RandomState and default_rng outputs.

Each case seeds one generator and replays a list of calls on it (so state carried between calls — the
cached Box-Muller value, PCG64's buffered 32-bit half — is exercised). Small results are stored whole;
large ones as a SHA-256 of their little-endian float64 bytes plus a few head values.
Run: python3 lib/numpy/random/gen/random-streams.gen.py
"""
import hashlib, json, os
import numpy as np

HASH_OVER = 2000

def encode(x):
    a = np.asarray(x)
    if a.dtype.kind in "iub":
        if a.size and (a.max() > 2**53 or a.min() < -2**53):
            return {"big": [str(int(v)) for v in a.ravel()]}
        a = a.astype(np.float64)
    elif a.dtype == np.float32:
        a = a.astype(np.float64)
    flat = a.ravel()
    if flat.size > HASH_OVER:
        return {"n": int(flat.size), "sha256": hashlib.sha256(flat.astype("<f8").tobytes()).hexdigest(),
                "head": flat[:5].tolist()}
    return {"values": flat.tolist()}

def legacy_call(rs, op, args):
    if op == "rand": return rs.rand(*args)
    if op == "random_sample": return rs.random_sample(args[0])
    if op == "randn": return rs.randn(*args)
    if op == "normal": return rs.normal(args[0], args[1], args[2])
    if op == "uniform": return rs.uniform(args[0], args[1], args[2])
    if op == "randint": return rs.randint(args[0], args[1], size=args[2], dtype=args[3])
    if op == "choice": return rs.choice(args[0], size=args[1], replace=args[2], p=args[3])
    if op == "permutation": return rs.permutation(args[0])
    if op == "shuffle":
        x = np.arange(args[0], dtype=np.float64); rs.shuffle(x); return x
    raise ValueError(op)

def gen_call(g, op, args):
    if op == "random": return g.random(args[0])
    if op == "random_f32": return g.random(args[0], dtype=np.float32)
    if op == "standard_normal": return g.standard_normal(args[0])
    if op == "standard_normal_f32": return g.standard_normal(args[0], dtype=np.float32)
    if op == "normal": return g.normal(args[0], args[1], args[2])
    if op == "uniform": return g.uniform(args[0], args[1], args[2])
    if op == "integers": return g.integers(args[0], args[1], size=args[2], dtype=args[3], endpoint=args[4])
    if op == "choice": return g.choice(args[0], size=args[1], replace=args[2], p=args[3], shuffle=args[4])
    if op == "permutation": return g.permutation(args[0])
    if op == "shuffle":
        x = np.arange(args[0], dtype=np.float64); g.shuffle(x); return x
    raise ValueError(op)

rng = np.random.RandomState(777)  # picks test parameters only
P5 = [0.1, 0.2, 0.3, 0.15, 0.25]
P_SKEW = (np.arange(1, 41) ** 2 / np.sum(np.arange(1, 41) ** 2)).tolist()

INT_CASES = [
    (0, 10, "int64"), (-5, 5, "int64"), (0, 1, "int64"), (0, 2**32, "int64"), (0, 2**32 + 1, "int64"),
    (0, 2**40, "int64"), (-2**62, 2**62, "int64"), (0, 2**53, "int64"), (-2**63, 2**63 - 1, "int64"),
    (0, 100, "int32"), (-2**31, 2**31 - 1, "int32"), (0, 7, "int16"), (-32768, 32767, "int16"),
    (0, 100, "int8"), (-128, 127, "int8"), (0, 256, "uint8"), (3, 200, "uint8"), (0, 65535, "uint16"),
    (0, 2**32 - 1, "uint32"), (10, 1000, "uint32"), (0, 2, "bool"), (1, 2, "bool"),
    # range boundaries where the draw width or the full-range shortcut changes
    (0, 2**32 - 1, "int64"), (-2**31, 2**31, "int64"), (5, 2**32 + 5, "int64"), (0, 2**33, "int64"),
    (-128, 128, "int8"), (0, 65536, "uint16"), (-32768, 32768, "int16"), (0, 2**32, "uint32"),
    (0, 129, "uint8"), (0, 3, "int16"), (-2**31, 2**31, "int32"), (0, 2**31 + 1, "uint32"),
]

cases = []
LEGACY_SEEDS = [0, 1, 42, 12345, 2**32 - 1, 987654321, [1, 2, 3], [0], [2**32 - 1] * 5, list(range(700))]
for seed in LEGACY_SEEDS:
    ops = [("rand", [17]), ("randn", [1001]), ("rand", [3]), ("randn", [1]), ("random_sample", [5]),
           ("normal", [3.0, 2.5, 9]), ("uniform", [-2.0, 5.0, 9]), ("randn", [3000])]
    for lo, hi, dt in INT_CASES:
        ops.append(("randint", [lo, hi, 25, dt]))
    ops += [("choice", [10, 8, True, None]), ("choice", [10, 8, False, None]), ("choice", [5, 20, True, P5]),
            ("choice", [5, 3, False, P5]), ("choice", [40, 25, False, P_SKEW]), ("permutation", [30]),
            ("shuffle", [17]), ("randint", [0, 1000, 3000, "int64"]), ("rand", [100000])]
    cases.append({"kind": "legacy", "seed": seed, "ops": ops})

GEN_SEEDS = [0, 1, 42, 12345, 2**32 - 1, 2**64 + 5, 2**128 - 1, [1, 2, 3], [0, 0, 0, 0, 7], 20260101]
for seed in GEN_SEEDS:
    ops = [("random", [17]), ("standard_normal", [1001]), ("random_f32", [5]), ("integers", [0, 10, 7, "int64", False]),
           ("random_f32", [1]), ("integers", [0, 5, 3, "int32", True]), ("normal", [-1.0, 0.5, 9]),
           ("uniform", [2.0, 3.0, 9]), ("standard_normal", [200000]), ("standard_normal_f32", [20001])]
    for lo, hi, dt in INT_CASES:
        ops.append(("integers", [lo, hi, 25, dt, False]))
        if hi - 1 > lo:
            ops.append(("integers", [lo, hi - 1, 9, dt, True]))
    ops += [("choice", [10, 8, True, None, True]), ("choice", [10, 8, False, None, True]),
            ("choice", [1000, 100, False, None, False]), ("choice", [20000, 1000, False, None, True]),
            ("choice", [20000, 100, False, None, True]), ("choice", [5, 20, True, P5, True]),
            ("choice", [5, 3, False, P5, True]), ("choice", [40, 25, False, P_SKEW, True]),
            ("permutation", [30]), ("shuffle", [17]), ("integers", [0, 1000, 3000, "int64", False]),
            ("random", [100000]), ("integers", [0, 2**40, 3000, "int64", False])]
    cases.append({"kind": "generator", "seed": seed, "ops": ops})

def exact_arg(a):
    # ints beyond 2^53 would not survive JSON -> JS number; the test reads strings with BigInt
    return str(a) if isinstance(a, int) and not isinstance(a, bool) and abs(a) > 2**53 else a

out = []
for case in cases:
    seed = case["seed"]
    if case["kind"] == "legacy":
        state = np.random.RandomState(seed)
        call = legacy_call
    else:
        state = np.random.default_rng(seed)
        call = gen_call
    ops = [{"op": op, "args": [exact_arg(a) for a in args], "result": encode(call(state, op, args))}
           for op, args in case["ops"]]
    out.append({"kind": case["kind"], "seed": [str(s) for s in seed] if isinstance(seed, list) else str(seed), "ops": ops})

# Module-level np.random.* share the global RandomState; numpy's documented example values double-check the setup.
np.random.seed(0)
assert np.random.rand() == 0.5488135039273248

path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "golden", "random-streams.json")
with open(path, "w") as f:
    json.dump({"numpy": np.__version__, "cases": out}, f, separators=(",", ":"))
print("cases", len(out), "bytes", os.path.getsize(path))
