"""Randomised call scripts for lib/numpy/random: 48 seeded generators, each replaying 40 calls with
random methods and parameters (every integer width at random range sizes, choice shapes, small and odd
counts), so paths the hand-written scripts in random-streams.gen.py miss are exercised too.
Same format as golden/random-streams.json. Run: python3 lib/numpy/random/gen/random-fuzz.gen.py"""
import json, os
import numpy as np

here = os.path.dirname(os.path.abspath(__file__))
# reuse encode/legacy_call/gen_call/exact_arg without rerunning that script's main body
src = open(os.path.join(here, "random-streams.gen.py")).read().split("rng = np.random.RandomState(777)")[0]
ns = {}
exec(compile(src, "random-streams.gen.py", "exec"), ns)
encode, legacy_call, gen_call = ns["encode"], ns["legacy_call"], ns["gen_call"]

def exact_arg(a):
    return str(a) if isinstance(a, int) and not isinstance(a, bool) and abs(a) > 2**53 else a

pick = np.random.RandomState(4242)
WIDTHS = {"int64": (-2**63, 2**63 - 1), "int32": (-2**31, 2**31 - 1), "int16": (-2**15, 2**15 - 1),
          "int8": (-128, 127), "uint32": (0, 2**32 - 1), "uint16": (0, 2**16 - 1), "uint8": (0, 255), "bool": (0, 1)}

def int_range(dt):
    lo_t, hi_t = WIDTHS[dt]
    span_bits = int(pick.randint(0, {"int64": 64, "int32": 32, "uint32": 32, "int16": 16, "uint16": 16}.get(dt, 8) + 1))
    span = min(2 ** span_bits, hi_t - lo_t + 1)
    lo = int(pick.randint(0, 2**62)) % (hi_t - lo_t + 2 - span) + lo_t if hi_t - lo_t + 1 > span else lo_t
    return lo, lo + span  # [lo, lo + span) fits the dtype

def legacy_op():
    k = pick.randint(0, 9)
    n = int(pick.choice([1, 2, 3, 7, 33]))
    if k == 0: return ("rand", [n])
    if k == 1: return ("randn", [n])
    if k == 2: return ("normal", [float(pick.randn()), float(abs(pick.randn())), n])
    if k == 3: return ("uniform", [float(pick.randn()), float(pick.randn() * 10), n])
    if k in (4, 5):
        dt = str(pick.choice(list(WIDTHS)))
        lo, hi = int_range(dt)
        return ("randint", [lo, hi, n, dt])
    if k == 6:
        pop = int(pick.randint(1, 60))
        replace = bool(pick.rand() < 0.5)
        size = int(pick.randint(0, pop + 1)) if not replace else n
        p = None
        if pick.rand() < 0.5:
            w = pick.rand(pop) ** 3
            w[pick.rand(pop) < 0.2] = 0
            if np.count_nonzero(w) < max(size, 1): w[:] = 1
            p = (w / w.sum()).tolist()
            if abs(sum(p) - 1) > 1e-8: p = None
        return ("choice", [pop, size, replace, p])
    if k == 7: return ("permutation", [int(pick.randint(0, 80))])
    return ("shuffle", [int(pick.randint(1, 80))])

def gen_op():
    k = pick.randint(0, 11)
    n = int(pick.choice([1, 2, 3, 7, 33]))
    if k == 0: return ("random", [n])
    if k == 1: return ("random_f32", [n])
    if k == 2: return ("standard_normal", [n])
    if k == 3: return ("standard_normal_f32", [n])
    if k == 4: return ("normal", [float(pick.randn()), float(abs(pick.randn())), n])
    if k == 5:
        low = float(pick.randn())
        return ("uniform", [low, low + float(abs(pick.randn()) * 5), n])
    if k in (6, 7):
        dt = str(pick.choice(list(WIDTHS)))
        lo, hi = int_range(dt)
        endpoint = bool(pick.rand() < 0.5)
        return ("integers", [lo, hi - 1 if endpoint else hi, n, dt, endpoint])
    if k == 8:
        pop = int(pick.choice([int(pick.randint(1, 60)), int(pick.randint(10001, 30000))]))
        replace = bool(pick.rand() < 0.4)
        size = n if replace else int(pick.choice([0, 1, int(pick.randint(0, min(pop, 60) + 1)), min(pop, 900)]))
        p = None
        if pop < 100 and pick.rand() < 0.5:
            w = pick.rand(pop) ** 3
            w[pick.rand(pop) < 0.2] = 0
            if np.count_nonzero(w) < max(size, 1): w[:] = 1
            p = (w / w.sum()).tolist()
            if abs(sum(p) - 1) > 1e-8: p = None
        return ("choice", [pop, size, replace, p, bool(pick.rand() < 0.7)])
    if k == 9: return ("permutation", [int(pick.randint(0, 80))])
    return ("shuffle", [int(pick.randint(1, 80))])

cases = []
for c in range(48):
    legacy = c % 2 == 0
    seed = int(pick.randint(0, 2**31)) if c % 3 else [int(x) for x in pick.randint(0, 2**31, size=int(pick.randint(1, 6)))]
    state = np.random.RandomState(seed) if legacy else np.random.default_rng(seed)
    ops = []
    for _ in range(40):
        op, args = legacy_op() if legacy else gen_op()
        result = (legacy_call if legacy else gen_call)(state, op, args)
        ops.append({"op": op, "args": [exact_arg(a) for a in args], "result": encode(result)})
    cases.append({"kind": "legacy" if legacy else "generator", "seed": [str(s) for s in seed] if isinstance(seed, list) else str(seed), "ops": ops})

path = os.path.join(here, "..", "golden", "random-fuzz.json")
with open(path, "w") as f:
    json.dump({"numpy": np.__version__, "cases": cases}, f, separators=(",", ":"))
print("cases", len(cases), "bytes", os.path.getsize(path))
