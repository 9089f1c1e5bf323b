"""Golden streams for the non-uniform samplers: numpy 2.4's RandomState and default_rng outputs of
exponential, standard_exponential, gamma, standard_gamma, beta, lognormal, laplace, poisson and binomial.

Like random-streams.gen.py, each case seeds one generator and replays a list of calls on it, mixed
with uniform and normal draws so stream consumption and the cached legacy normal are checked too.
Parameters pick every branch of numpy's algorithms (gamma shape < 1, == 1, > 1, 0; beta Johnk and
gamma-ratio, the log-space and Bernoulli fallbacks; poisson multiplication and PTRS; binomial
inversion and BTPE, p > 0.5). A list parameter holds one value per draw (numpy's array form).
Results are stored whole when small, else as a SHA-256 of their float64 bytes plus a few head values;
`approx` marks draws whose values pass through C's exp, pow or log1p, whose last bit Kernel Lab's
versions get wrong on ~0.1% of inputs (see ../libm.ts): those are always stored whole, and the test
allows them 2 ulp. `errors` records numpy's ValueError for invalid parameters,
as scalars and as arrays.
Run (not from /tmp, whose ast.py shadows the stdlib): cd / && python3 /work/main/lib/numpy/random/gen/random-distributions.gen.py
"""
import hashlib, json, math, os
import numpy as np

HASH_OVER = 64


def encode(x, whole):
    a = np.asarray(x, dtype=np.float64).ravel()
    if a.size > HASH_OVER and not whole:
        return {"n": int(a.size), "sha256": hashlib.sha256(a.astype("<f8").tobytes()).hexdigest(), "head": a[:5].tolist()}
    return {"values": a.tolist()}


def approx(op, params):
    below_one = lambda p: any(0 < v < 1 for v in (p if isinstance(p, list) else [p]))
    if op in ("standard_gamma", "gamma"):
        return below_one(params[0])
    if op == "beta":
        return below_one(params[0]) or below_one(params[1])
    return op in ("lognormal", "standard_exponential_inv")


def arg(a):
    # JSON has no NaN, infinities or -0.0: those travel as strings the test reads with Number().
    if isinstance(a, list):
        return [arg(v) for v in a]
    if isinstance(a, float) and (math.isnan(a) or math.isinf(a) or (a == 0 and math.copysign(1, a) < 0)):
        return repr(a).replace("nan", "NaN").replace("inf", "Infinity").replace("-0.0", "-0")
    return a


def call(state, op, args):
    *params, n = args
    if op == "uniform01":
        return state.random_sample(n) if isinstance(state, np.random.RandomState) else state.random(n)
    if op == "normal01":
        return state.standard_normal(n)
    if op == "standard_exponential_inv":
        return state.standard_exponential(n, method="inv")
    size = None if any(isinstance(p, list) for p in params) else n
    return getattr(state, op)(*params, size=size)


R = np.random.RandomState(2024)  # picks array parameters only
ARRAY_OPS = [
    ("exponential", [R.uniform(0, 3, 50).tolist(), 50]),
    ("standard_gamma", [R.choice([0.0, 0.4, 1.0, 2.5, 30.0], 60).tolist(), 60]),
    ("gamma", [R.uniform(0.1, 5, 40).tolist(), R.uniform(0.5, 2, 40).tolist(), 40]),
    ("beta", [R.uniform(0.2, 3, 40).tolist(), R.uniform(0.2, 3, 40).tolist(), 40]),
    ("lognormal", [R.uniform(-1, 1, 30).tolist(), R.uniform(0, 2, 30).tolist(), 30]),
    ("laplace", [R.uniform(-5, 5, 30).tolist(), R.uniform(0, 2, 30).tolist(), 30]),
    ("poisson", [R.choice([0.0, 0.7, 5.0, 10.0, 57.5, 1e4], 60).tolist(), 60]),
    ("binomial", [R.randint(0, 300, 60).tolist(), R.choice([0.0, 0.05, 0.3, 0.5, 0.8, 1.0], 60).tolist(), 60]),
]

SCALAR_OPS = [
    ("standard_exponential", [1000]), ("standard_exponential", [200000]), ("exponential", [2.5, 200]), ("exponential", [0.0, 3]),
    ("normal01", [1]),  # leaves RandomState a cached normal for the gamma draws below
    ("standard_gamma", [0.3, 150]), ("standard_gamma", [1.0, 100]), ("standard_gamma", [0.0, 3]), ("standard_gamma", [2.5, 500]),
    ("standard_gamma", [100.0, 200]), ("standard_gamma", [1e-3, 60]), ("standard_gamma", [3.0, 100000]),
    ("gamma", [0.7, 3.0, 100]), ("gamma", [4.0, 0.5, 200]), ("uniform01", [3]),
    ("beta", [0.5, 0.5, 150]), ("beta", [0.2, 0.9, 60]), ("beta", [1.0, 1.0, 50]), ("beta", [2.0, 5.0, 300]), ("beta", [0.5, 3.0, 60]),
    ("beta", [0.01, 0.02, 100]), ("beta", [1e-104, 1e-104, 20]), ("beta", [1e-104, 0.5, 20]),
    ("lognormal", [0.0, 1.0, 100]), ("lognormal", [3.0, 0.25, 50]),
    ("laplace", [0.0, 1.0, 300]), ("laplace", [-2.0, 0.5, 100]), ("laplace", [0.0, 1.0, 100000]),
    ("poisson", [0.0, 5]), ("poisson", [0.5, 300]), ("poisson", [4.0, 300]), ("poisson", [9.99, 100]), ("poisson", [10.0, 300]),
    ("poisson", [123.4, 300]), ("poisson", [1e6, 100]), ("poisson", [1e15, 50]), ("poisson", [30.0, 100000]),
    ("binomial", [10, 0.3, 300]), ("binomial", [100, 0.2, 300]), ("binomial", [100, 0.5, 300]), ("binomial", [1000, 0.7, 300]),
    ("binomial", [50, 0.9, 300]), ("binomial", [0, 0.5, 5]), ("binomial", [10, 0.0, 5]), ("binomial", [10, 1.0, 5]),
    ("binomial", [10**6, 0.4, 300]), ("binomial", [5000, 0.01, 100]), ("binomial", [61, 0.5, 300]), ("binomial", [200, 0.4, 100000]),
    ("normal01", [5]), ("uniform01", [5]),
]

LEGACY_SEEDS = [0, 1, 42, 12345, 2**32 - 1, [1, 2, 3]]
GEN_SEEDS = [0, 1, 42, 12345, 2**64 + 5, [1, 2, 3]]

cases = []
for kind, seeds in (("legacy", LEGACY_SEEDS), ("generator", GEN_SEEDS)):
    for seed in seeds:
        ops = SCALAR_OPS + ARRAY_OPS + ([("standard_exponential_inv", [500])] if kind == "generator" else [])
        state = np.random.RandomState(seed) if kind == "legacy" else np.random.default_rng(seed)
        cases.append({
            "kind": kind,
            "seed": [str(s) for s in seed] if isinstance(seed, list) else str(seed),
            "ops": [dict({"op": op, "args": arg(args), "result": encode(call(state, op, args), approx(op, args[:-1]))},
                         **({"approx": True} if approx(op, args[:-1]) else {})) for op, args in ops],
        })

NAN, INF = float("nan"), float("inf")
ERROR_OPS = [
    ("exponential", [-1.0, 1]), ("exponential", [-0.0, 1]), ("exponential", [-1.0, 0]), ("exponential", [[1.0, -1.0], 2]),
    ("exponential", [[-0.0], 1]), ("standard_gamma", [-1.0, 1]), ("gamma", [-1.0, -1.0, 1]), ("gamma", [1.0, -1.0, 1]),
    ("gamma", [[1.0], [-1.0], 1]), ("beta", [0.0, 1.0, 1]), ("beta", [1.0, -2.0, 1]), ("beta", [[1.0, 0.0], [1.0, 1.0], 2]),
    ("lognormal", [0.0, -1.0, 1]), ("laplace", [0.0, -1.0, 1]), ("poisson", [-1.0, 1]), ("poisson", [NAN, 1]),
    ("poisson", [1e19, 1]), ("poisson", [[1.0, -1.0], 2]), ("poisson", [[NAN], 1]), ("poisson", [[1e19, -1.0], 2]),
    ("binomial", [-1, 2.0, 1]), ("binomial", [-1, 0.5, 1]), ("binomial", [5, NAN, 1]), ("binomial", [5, -0.1, 1]),
    ("binomial", [[5, 5], [0.5, 2.0], 2]), ("binomial", [[5, -1], [0.5, 0.5], 2]), ("binomial", [[5], [NAN], 1]),
]
errors = []
for kind in ("legacy", "generator"):
    state = np.random.RandomState(0) if kind == "legacy" else np.random.default_rng(0)
    for op, args in ERROR_OPS:
        try:
            call(state, op, args)
            raise AssertionError(f"{op}{args} did not raise")
        except ValueError as e:
            errors.append({"kind": kind, "op": op, "args": arg(args), "error": str(e)})

# Valid edge values draw without error: lam at the limit, NaN scale (numpy lets NaN through).
for state in (np.random.RandomState(0), np.random.default_rng(0)):
    state.poisson(2.0**63 - math.sqrt(2.0**63) * 10)
    assert math.isnan(state.exponential(NAN))

path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "golden", "random-distributions.json")
with open(path, "w") as f:
    json.dump({"numpy": np.__version__, "cases": cases, "errors": errors}, f, separators=(",", ":"))
print("cases", len(cases), "errors", len(errors), "bytes", os.path.getsize(path))
