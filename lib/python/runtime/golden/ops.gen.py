"""Golden results for the runtime's operators, builtins and methods, computed by CPython.

Run: python3 lib/python/runtime/golden/ops.gen.py  (writes ops.golden.json next to this file)
Each case records repr(result) or "ExcType: message", exactly as CPython 3.11 produces them.
"""
import json, math, operator, os, random

def enc(v):
    if v is None: return {"t": "none"}
    if isinstance(v, bool): return {"t": "bool", "v": v}
    if isinstance(v, int): return {"t": "int", "v": str(v)}
    if isinstance(v, float): return {"t": "float", "v": repr(v)}
    if isinstance(v, str): return {"t": "str", "v": v}
    if isinstance(v, list): return {"t": "list", "v": [enc(x) for x in v]}
    if isinstance(v, tuple): return {"t": "tuple", "v": [enc(x) for x in v]}
    if isinstance(v, dict): return {"t": "dict", "v": [[enc(k), enc(x)] for k, x in v.items()]}
    if isinstance(v, set): return {"t": "set", "v": [enc(x) for x in v]}
    raise TypeError(v)

def outcome(f):
    try:
        return repr(f())
    except Exception as e:
        msg = str(e)
        return type(e).__name__ + (": " + msg if msg else "")

VALUES = [0, 1, -7, 3, 2**53 + 1, -(2**70), 10**20, 2.5, -0.0, 0.1, 1e300, -3.75, float("inf"), float("nan"),
          True, False, "ab", "", [1, 2], (1,), None]
BINOPS = ["add", "sub", "mul", "truediv", "floordiv", "mod", "pow", "lshift", "rshift", "and_", "or_", "xor",
          "lt", "le", "eq", "ne", "gt", "ge"]

cases = []
for op in BINOPS:
    f = getattr(operator, op)
    for a in VALUES:
        for b in VALUES:
            if op == "pow" and isinstance(a, int) and isinstance(b, int) and not isinstance(b, bool) and b > 100:
                continue
            if op == "lshift" and isinstance(b, int) and b > 100:
                continue
            if op in ("mul",) and isinstance(b, int) and b > 1000 and isinstance(a, (str, list, tuple)):
                continue
            if op in ("mul",) and isinstance(a, int) and a > 1000 and isinstance(b, (str, list, tuple)):
                continue
            cases.append({"kind": "binop", "op": op.rstrip("_"), "a": enc(a), "b": enc(b),
                          "expect": outcome(lambda: f(a, b))})

for v in VALUES:
    for op in ["neg", "pos", "invert", "not_", "truth", "abs"]:
        f = getattr(operator, op)
        cases.append({"kind": "unary", "op": op.rstrip("_"), "a": enc(v), "expect": outcome(lambda: f(v))})

# Builtin calls: (name, args)
CALLS = [
    ("round", [2.5]), ("round", [3.5]), ("round", [-2.5]), ("round", [2.675, 2]), ("round", [1234.5678, -2]),
    ("round", [1234, -2]), ("round", [1250, -2]), ("round", [0.125, 2]), ("round", [1e300]), ("round", [float("inf")]),
    ("divmod", [7, -2]), ("divmod", [-7.5, 2]), ("divmod", [1, 0]), ("divmod", [1.0, 0.0]),
    ("pow", [3, 4, 5]), ("pow", [2, -1, 7]), ("pow", [2, 0.5]), ("pow", [-8, 1/3]), ("pow", [0.0, -1]), ("pow", [10.0, 400]),
    ("int", ["  42  "]), ("int", ["1_000"]), ("int", ["0x1f", 16]), ("int", ["0x1f", 0]), ("int", ["z", 36]), ("int", ["12.5"]),
    ("int", [3.99]), ("int", [-3.99]), ("int", [1e20]), ("int", [float("nan")]), ("int", [float("inf")]), ("int", ["010", 0]),
    ("int", ["-0b101", 0]), ("int", [""]), ("int", [None]),
    ("float", ["1e-5"]), ("float", [" -inf "]), ("float", ["nan"]), ("float", ["1_0.5"]), ("float", ["abc"]), ("float", [2**1024]),
    ("float", [10**20]),
    ("str", [1.0]), ("str", [1e16]), ("str", [1e-5]), ("str", [123456789.123]), ("str", [-0.0]), ("str", [[1, "a", 2.0]]),
    ("repr", ["it's"]), ("repr", ['say "hi"']), ("repr", ["both ' and \""]), ("repr", ["tab\tnl\n\\"]), ("repr", ["\x00\x7f"]),
    ("bool", [[]]), ("bool", ["0"]), ("bool", [0.0]), ("len", ["héllo"]), ("len", [5]),
    ("abs", [-5]), ("abs", [-2.5]), ("abs", [-(2**70)]), ("abs", ["x"]),
    ("min", [[3, 1, 2]]), ("max", [[3, 1, 2]]), ("min", [[]]), ("max", [1, 2.5]), ("min", ["b", "a"]),
    ("sum", [[1, 2, 3]]), ("sum", [[0.1] * 10]), ("sum", [[[1], [2]], []]), ("sum", [["a", "b"], ""]),
    ("sorted", [[3, 1, 2]]), ("sorted", [["b", "A", "a"]]), ("sorted", [[1, "a"]]),
    ("hex", [255]), ("hex", [-255]), ("oct", [8]), ("bin", [5]), ("bin", [-(2**70)]), ("hex", [1.0]),
    ("chr", [65]), ("chr", [0x110000]), ("ord", ["A"]), ("ord", ["ab"]),
    ("hash", [1]), ("hash", [-1]), ("hash", [2**61]), ("hash", [2**64 + 5]), ("hash", [1.5]), ("hash", [-2.25]), ("hash", [1e100]),
    ("hash", [float("inf")]), ("hash", [True]), ("hash", [[1]]), ("hash", [{}]),
    ("format", [3.14159, ".2f"]), ("format", [1234567, ","]), ("format", [42, "08b"]), ("format", ["x", "^5"]), ("format", [0.5, "%"]),
    ("format", [True, ""]), ("format", [True, "d"]), ("format", [1e20, "g"]), ("format", [None, ""]), ("format", [None, "x"]),
    ("list", ["abc"]), ("tuple", [[1, 2]]), ("set", [[3, 3]]), ("dict", [[(1, 2), (3, 4)]]), ("dict", [[(1, 2, 3)]]),
    ("range", [5]), ("range", [1, 10, 3]), ("range", [0, 10, 0]), ("range", [1.5]),
    ("isinstance", [True, int]), ("isinstance", [1, float]), ("isinstance", [1, (str, int)]), ("issubclass", [bool, int]),
    ("any", [[0, "", None]]), ("all", [[]]),
]
BUILTINS = {"int": int, "float": float, "str": str, "repr": repr, "bool": bool, "list": list, "tuple": tuple,
            "set": set, "dict": dict, "range": range}
for name, args in CALLS:
    f = BUILTINS.get(name) or __builtins__.__dict__[name]
    enc_args = []
    for a in args:
        if isinstance(a, type):
            enc_args.append({"t": "builtin", "v": a.__name__})
        elif isinstance(a, tuple) and all(isinstance(x, type) for x in a):
            enc_args.append({"t": "tuple", "v": [{"t": "builtin", "v": x.__name__} for x in a]})
        else:
            enc_args.append(enc(a))
    cases.append({"kind": "call", "name": name, "args": enc_args, "expect": outcome(lambda: f(*args))})

# Methods: (self, name, args)
METHODS = [
    ("a b  c ", "split", []), ("a,b,,c", "split", [","]), ("a,b,c", "split", [",", 1]), ("a,b,c", "rsplit", [",", 1]),
    ("  a b  ", "rsplit", [None, 1]), ("x", "split", [""]), ("l1\nl2\r\nl3", "splitlines", []), ("l1\nl2\n", "splitlines", [True]),
    ("-", "join", [["a", "b"]]), ("-", "join", [["a", 1]]), ("  hi  ", "strip", []), ("xxhixx", "strip", ["x"]),
    ("hi", "lstrip", []), ("abc", "replace", ["b", "XX"]), ("aaa", "replace", ["a", "b", 2]), ("abc", "replace", ["", "-"]),
    ("hello", "find", ["l"]), ("hello", "rfind", ["l"]), ("hello", "find", ["z"]), ("hello", "index", ["z"]), ("hello", "count", ["l"]),
    ("hello", "count", [""]), ("hello", "startswith", [("x", "he")]), ("hello", "endswith", ["lo", 0, 4]), ("hello world", "title", []),
    ("hELLO", "capitalize", []), ("hello", "upper", []), ("HeLLo", "swapcase", []), ("ab", "center", [7, "*"]), ("abc", "center", [6]),
    ("ab", "ljust", [5]), ("ab", "rjust", [5, "0"]), ("-42", "zfill", [6]), ("12", "isdigit", []), ("", "isdigit", []),
    ("ab1", "isalnum", []), (" \t", "isspace", []), ("Hello World", "istitle", []), ("ABC", "isupper", []), ("a-b-c", "partition", ["-"]),
    ("a-b-c", "rpartition", ["-"]), ("abc", "partition", ["x"]), ("{} {}", "format", [1, 2]), ("{1}{0}", "format", ["a", "b"]),
    ("{0:>{1}}", "format", ["x", 4]), ("{} {0}", "format", [1]), ("{:.3f}", "format", [2]), ("{!r:>6}", "format", ["a"]),
    ("{0[1]}", "format", [[5, 6]]), ("{", "format", []), ("}", "format", []), ("{2}", "format", [1]), ("{:d}", "format", [1.5]),
    ("a\tb", "expandtabs", [4]), ("prefix_x", "removeprefix", ["prefix_"]),
    ([3, 1, 2], "index", [2]), ([3, 1, 2], "index", [9]), ([1, 2, 1], "count", [1]), ([], "pop", []), ([1, 2], "remove", [5]),
    ((1, 2), "index", [3]), ({"a": 1}, "get", ["b", 0]), ({"a": 1}, "pop", ["b"]), ({}, "popitem", []), ({"a": 1}, "setdefault", ["a", 5]),
    ({1, 2}, "union", [[3]]), ({1, 2}, "intersection", [[2, 3]]), ({1, 2}, "difference", [[2]]), ({1, 2}, "issubset", [[1, 2, 3]]),
    ({1, 2}, "symmetric_difference", [[2, 3]]), (set(), "pop", []), ({1}, "remove", [2]),
    (255, "bit_length", []), (-(2**70), "bit_length", []), (2.5, "is_integer", []), (3.0, "is_integer", []), (0.75, "as_integer_ratio", []),
    (1.5, "hex", []), ("%d items" , "__mod__", [5]), ("%s-%r", "__mod__", [("a", "b")]), ("%5.1f%%", "__mod__", [99.44]),
    ("%x", "__mod__", [3.5]), ("%d %d", "__mod__", [(1,)]),
]
for self_v, name, args in METHODS:
    def run(self_v=self_v, name=name, args=args):
        return getattr(self_v, name)(*args)
    cases.append({"kind": "method", "self": enc(self_v), "name": name, "args": [enc(a) for a in args], "expect": outcome(run)})

# random: CPython's exact streams
def rnd(seed, calls):
    r = random.Random(seed)
    out = []
    for name, args in calls:
        out.append(repr(getattr(r, name)(*args)))
    return out
RANDOM = [
    (42, [("random", []), ("random", []), ("randint", [1, 100]), ("randrange", [0, 10**30]), ("choice", [[1, 2, 3, 4, 5]]),
          ("uniform", [1.0, 2.0]), ("gauss", [0.0, 1.0]), ("gauss", [0.0, 1.0]), ("getrandbits", [70]), ("normalvariate", [0, 1])]),
    (0, [("random", []), ("randrange", [-5, 5, 2]), ("sample", [list(range(100)), 5]), ("sample", [list(range(10)), 3]),
         ("choices", [["a", "b", "c"], [1, 2, 3]], ), ("expovariate", [2.0])]),
    (2**100 + 7, [("random", []), ("randint", [0, 2**64])]),
    (-12345, [("random", [])]),
    (3.5, [("random", [])]),
    ("kernel", [("random", []), ("randint", [0, 10**6])]),
    ("a" * 200, [("random", [])]),
]
for seed, calls in RANDOM:
    cases.append({"kind": "random", "seed": enc(seed), "calls": [{"name": n, "args": [enc(a) for a in args]} for n, args in calls],
                  "expect": rnd(seed, calls)})
r = random.Random(7)
lst = list(range(20)); r.shuffle(lst)
cases.append({"kind": "shuffle", "seed": enc(7), "n": 20, "expect": repr(lst)})

# math
MATH = [("sqrt", [2]), ("sqrt", [-1]), ("log", [0]), ("log", [8, 2]), ("log", [10**400]), ("log2", [1024]), ("log10", [0.001]),
        ("exp", [1000]), ("exp", [1]), ("factorial", [20]), ("factorial", [-1]), ("gcd", [12, 18]), ("lcm", [4, 6]),
        ("floor", [-2.5]), ("ceil", [2.1]), ("trunc", [-2.7]), ("isclose", [1.0, 1.0 + 1e-10]), ("comb", [10, 3]), ("perm", [5, 2]),
        ("fsum", [[0.1] * 10]), ("hypot", [3, 4]), ("atan2", [1, 1]), ("degrees", [math.pi]), ("gamma", [5.5]), ("gamma", [0.5]),
        ("lgamma", [10.5]), ("erf", [0.5]), ("erf", [2.5]), ("erfc", [0.3]), ("isqrt", [10**20 + 1]), ("modf", [-3.25]),
        ("frexp", [48.0]), ("ldexp", [0.75, 6]), ("fmod", [-7, 3]), ("copysign", [1, -0.0]), ("pow", [2, 0.5]), ("acos", [2]),
        ("prod", [[1, 2, 3, 4]]), ("floor", [1e20]), ("sin", [1.0]), ("tanh", [0.5])]
for name, args in MATH:
    f = getattr(math, name)
    cases.append({"kind": "math", "name": name, "args": [enc(a) for a in args], "expect": outcome(lambda: f(*args))})

out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "ops.golden.json")
with open(out, "w") as fh:
    json.dump(cases, fh, indent=0)
print(f"{len(cases)} cases -> {out}")
