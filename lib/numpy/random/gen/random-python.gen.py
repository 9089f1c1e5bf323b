"""Goldens for numpy.random as Python code sees it (lib/numpy/python/random.ts): return types,
broadcasting of array parameters with size, argument errors, RandomState instances and their state,
Generator.choice along an axis, permutation of negative counts. Each snippet runs in a fresh
interpreter; its printed output (or the final exception as `Type: message`) is the golden.
Run (not from /tmp, whose ast.py shadows the stdlib): cd / && python3 /work/main/lib/numpy/random/gen/random-python.gen.py
"""
import contextlib, io, json, os

SNIPPETS = [
    # size=None gives Python scalars; array parameters give arrays of their broadcast shape
    """np.random.seed(3)
for v in [np.random.exponential(), np.random.standard_exponential(), np.random.gamma(2.0), np.random.standard_gamma(0.5),
          np.random.beta(0.5, 2.0), np.random.lognormal(), np.random.laplace(), np.random.poisson(), np.random.binomial(7, 0.3)]:
    print(type(v).__name__, repr(v))""",
    """g = np.random.default_rng(3)
for v in [g.exponential(), g.standard_exponential(), g.gamma(2.0), g.standard_gamma(0.5), g.beta(0.5, 2.0), g.lognormal(),
          g.laplace(), g.poisson(), g.binomial(7, 0.3), g.standard_exponential(method='inv')]:
    print(type(v).__name__, repr(v))""",
    """np.random.seed(4)
print(np.random.exponential([1.0, 2.0, 3.0]), np.random.gamma([1, 2], [[1], [3]]))
print(np.random.poisson([[1.0], [20.0]], size=(2, 3)), np.random.binomial([10, 20], 0.5, size=(3, 2)).shape)
print(np.random.beta(np.float64(2), np.array(3.0)), np.random.laplace(np.array([1.0]), 0.5), np.random.lognormal([0.0], size=(2, 1)))
print(np.random.exponential([]), np.random.binomial([], 0.5), np.random.poisson(2.0, size=()).shape)""",
    """g = np.random.default_rng(4)
print(g.exponential([1.0, 2.0, 3.0]), g.gamma([1, 2], [[1], [3]]), g.poisson([[1.0], [20.0]], size=(2, 3)))
print(g.binomial([10.7, 20.2], [0.5, 0.9]), g.binomial(9.9, 0.5, size=3), g.standard_gamma([0.5, 5.0], size=(2, 2)))""",
    # numpy's argument errors
    "np.random.exponential([1, 2, 3], size=2)",
    "np.random.default_rng().exponential([1, 2], size=(3, 1))",
    "np.random.gamma([1, 2], [1, 2, 3])",
    "np.random.binomial([[1], [2]], [0.5, 0.5, 0.5], size=(2, 2))",
    "np.random.exponential([-1, 2, 3], size=2)",
    "np.random.default_rng().poisson([1e19, -1])",
    "np.random.binomial(5, [0.5, 2])",
    "np.random.binomial(-1, 2)",
    "np.random.default_rng().binomial(2**63, 0.5)",
    "np.random.beta(1)",
    "np.random.beta(b=2)",
    "np.random.default_rng().poisson(1, 2, 3)",
    "np.random.exponential(1, scale=2)",
    "np.random.rand(size=3)",
    "np.random.RandomState(1, 2)",
    "np.random.exponential(1, size=-1)",
    "np.random.default_rng().standard_exponential(dtype=np.int64)",
    # RandomState instances: own state, same streams as the module functions under the same seed
    """rs = np.random.RandomState(5)
np.random.seed(5)
print(rs.rand(2), np.random.rand(2), rs.randn(), np.random.randn())
print(rs.poisson(3, 4), rs.binomial(10, 0.5, 3), rs.randint(10, size=3), rs.uniform(size=2), rs.normal(1, 2, 2))
print(rs.choice(5, 3), rs.permutation(4), rs.random(2), rs.random_sample(), rs.standard_normal(2), rs.standard_exponential(2))
x = [1, 2, 3, 4]
rs.shuffle(x)
print(x, rs.exponential(2, 2), rs.gamma(0.5, size=2), rs.beta(2, 2, 2), rs.lognormal(size=2), rs.laplace(size=2))
print(str(rs), repr(rs)[:23], rs.seed(5), rs.rand())""",
    """rs = np.random.RandomState([1, 2, 3])
a = rs.rand(3)
rs.seed(np.int64(8))
print(a, rs.rand(), np.random.RandomState(8).rand(), type(np.random.RandomState()).__name__)""",
    # get_state / set_state, including the cached normal
    """rs = np.random.RandomState(6)
rs.randn()
st = rs.get_state()
print(st[0], st[1].dtype, st[1].shape, st[1][:3], st[2:])
a = rs.randn(3)
rs.set_state(st)
print(np.array_equal(a, rs.randn(3)))
d = rs.get_state(legacy=False)
print(sorted(d), d['state']['pos'], d['has_gauss'])
rs.set_state(d)
rs.set_state(('MT19937', st[1], 7))
print(rs.get_state()[2:], rs.rand())
np.random.set_state(st)
print(np.array_equal(a, np.random.randn(3)), np.random.get_state()[2])""",
    "np.random.set_state(('PCG64', np.zeros(624, np.uint32), 0))",
    "np.random.set_state(('MT19937', np.zeros(3, np.uint32), 0))",
    "np.random.RandomState(0).set_state({'state': 1})",
    "np.random.set_state(5)",
    # permutation of a count, and Generator.choice along an axis
    """print(np.random.permutation(-2), np.random.default_rng(0).permutation(-2), np.random.permutation(0).dtype)
print(np.random.default_rng(1).permutation(np.int64(4)), np.random.RandomState(1).permutation(np.int64(4)))""",
    """a = np.arange(12).reshape(3, 4)
g = np.random.default_rng(0)
print(g.choice(a), g.choice(a, 2), g.choice(a, (2, 2)).shape, g.choice(a, 3, axis=1), g.choice(a, axis=-1))
print(g.choice(a, 2, replace=False), g.choice(a, 3, replace=False, axis=1), g.choice(a, 2, p=[0.2, 0.3, 0.5]))
print(g.choice(a, 0).shape, g.choice(np.zeros((0, 3)), 0).shape, g.choice(np.arange(24).reshape(2, 3, 4), 2, axis=1).shape)
print(type(g.choice(5)).__name__, type(g.choice(np.array(5))).__name__, repr(g.choice([1.5, 2.5])), g.choice([[1, 2], [3, 4]], 3))
print(type(np.random.choice(5)).__name__, np.random.RandomState(0).choice(np.array(5), 2))""",
    "np.random.default_rng(0).choice(np.arange(12).reshape(3, 4), axis=2)",
    "np.random.default_rng(0).choice(np.zeros((0, 3)), 1)",
    "np.random.default_rng(0).choice(np.arange(12).reshape(3, 4), p=[0.5, 0.5])",
    "np.random.choice(np.arange(12).reshape(3, 4))",
    "np.random.choice(np.zeros(0), 1)",
]


def run(source):
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        try:
            exec("import numpy as np\n" + source, {})
        except Exception as e:  # the golden is the exception, as the test prints it
            print(f"{type(e).__name__}: {e}")
    return out.getvalue()


cases = [{"source": s, "output": run(s)} for s in SNIPPETS]
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "golden", "random-python.json")
with open(path, "w") as f:
    json.dump(cases, f, indent=1)
print("snippets", len(cases))
