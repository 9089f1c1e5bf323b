"""Golden stdout/stderr/exit status of small programs run by CPython 3.11 as `python3 prog.py`.

Run: python3 lib/python/runtime/golden/tracebacks.gen.py  (writes tracebacks.golden.json)
"""
import json, os, subprocess, tempfile

PROGRAMS = {
    "nested_calls": """
def inner(x):
    return 10 / x

def outer(y):
    z = y - 1
    return inner(z)

print("start")
outer(1)
""",
    "during_handling": """
d = {}
try:
    d["missing"]
except KeyError:
    raise ValueError("could not find it")
""",
    "direct_cause": """
def parse(s):
    try:
        return int(s)
    except ValueError as e:
        raise RuntimeError("bad config") from e

parse("x1")
""",
    "suppressed_context": """
try:
    1 / 0
except ZeroDivisionError:
    raise TypeError("replaced") from None
""",
    "custom_exception": """
class TileError(Exception):
    pass

def check(n):
    if n % 128:
        raise TileError(f"size {n} is not a multiple of 128")

check(256)
check(100)
""",
    "no_message": """
class Empty(Exception):
    pass
raise Empty
""",
    "key_error_tuple": """
{}[(1, 2)]
""",
    "method_frames": """
class Acc:
    def __init__(self):
        self.total = 0
    def add(self, v):
        self.total += v
        return self

a = Acc()
a.add(1).add("x")
""",
    "recursion": """
def down(n):
    return down(n + 1)
try:
    down(0)
except RecursionError as e:
    print("caught:", e)
print("still alive")
""",
    "assert_message": """
x = 3
assert x == 3
assert x > 5, f"x too small: {x}"
""",
    "unbound_local": """
count = 0
def bump():
    count += 1
bump()
""",
    "name_error": """
def f():
    return undefined_name + 1
f()
""",
    "attribute_error": """
class P:
    pass
p = P()
print(p.missing)
""",
    "exit_code": """
import sys
print("bye")
sys.exit(3)
""",
    "exit_message": """
import sys
sys.exit("fatal: no kernel")
""",
    "stderr_print": """
import sys
print("to stdout")
print("to stderr", file=sys.stderr)
print("a", "b", sep="-", end="!\\n")
""",
    "finally_runs": """
def f():
    try:
        return "from try"
    finally:
        print("finally ran")
print(f())
try:
    try:
        raise KeyError("k")
    finally:
        print("cleanup")
except KeyError as e:
    print("outer caught", repr(e))
""",
    "exception_notes": """
try:
    raise ValueError("bad tile")
except ValueError as e:
    e.add_note("while checking tile 3")
    e.add_note("shape (128, 512)")
    raise
""",
    "collections_module": """
from collections import defaultdict, Counter, deque
d = defaultdict(list)
for k, v in [("a", 1), ("b", 2), ("a", 3)]:
    d[k].append(v)
print(d, dict(d), d["zz"], len(d), isinstance(d, dict), "a" in d)
c = Counter("mississippi")
print(c, c.most_common(2), c["s"], c["zzz"], sum(c.values()), c.total())
c.update("ss")
c["q"] += 1
print(c, sorted(c.elements())[:5], Counter(a=3, b=1) + Counter(a=1, c=2), Counter(a=3) - Counter(a=5))
q = deque([1, 2, 3], maxlen=4)
q.append(4); q.append(5); q.appendleft(0)
print(q, q.popleft(), q.pop(), list(q), len(q), 2 in q, q[0])
q.rotate(1); print(q)
counts = defaultdict(int)
for w in "the cat the hat".split():
    counts[w] += 1
print(sorted(counts.items()), Counter())
try:
    defaultdict()["x"]
except KeyError as e:
    print("KeyError", e)
""",
    "reraise_bare": """
def g():
    try:
        [][1]
    except IndexError:
        print("logging")
        raise
g()
""",
    "warnings_locations": """
import warnings


def f(x):
    warnings.warn("inside f")
    warnings.warn("to caller", RuntimeWarning, stacklevel=2)
    warnings.warn("past the outermost frame", stacklevel=3)
    return x


warnings.warn("top level")
warnings.warn(UserWarning("an instance"))
for i in range(2):
    warnings.warn("shown once for this line")
    y = f(i)
warnings.simplefilter("always")
for i in range(2):
    warnings.warn("loop %d" % i, FutureWarning)
print("done", y)
""",
    "compile_syntax_warnings": """
def check(x, items):
    if x is 1 or x is not -1 or x is (1, 2) or x is None or x is True or 1 is x:
        return [1, 2] (3, 4)
    a = 5[0]
    b = None[1:]
    c = [1, 2]["a"]
    d = (1, 2)[0.5]
    e = "abc"[None]
    f = {1, 2}[0]
    g = items[0]["key"]
    items[0]["x"] = 1
    return (x for x in items)[0]

print("compiled")
try:
    check(2, [{}])
except TypeError as e:
    print(type(e).__name__, e)
ok = [1, 2][0], "ab"[1:], (1, 2)[True], items = 3
""",
    "warnings_shown_again_after_filter_changes": """
import warnings
def f(msg="x"):
    warnings.warn(msg)
f(); f()
print("a")
with warnings.catch_warnings():
    pass
f()
print("b")
warnings.filterwarnings("ignore", category=DeprecationWarning)
f()
print("c")
warnings.simplefilter("once")
f("y"); f("y")
with warnings.catch_warnings():
    pass
f("y")
print("d")
warnings.resetwarnings()
f()
f()
print("e")
""",
    "compile_syntax_warning_then_error": """
x = 1
print(x is 2)
undefined_name
""",
}

out = []
with tempfile.TemporaryDirectory() as d:
    for name, src in PROGRAMS.items():
        src = src.lstrip("\n")
        with open(os.path.join(d, "prog.py"), "w") as f:
            f.write(src)
        r = subprocess.run(["python3", "prog.py"], cwd=d, capture_output=True, text=True)
        stderr = r.stderr.replace(os.path.realpath(d) + "/", "").replace(d + "/", "")
        out.append({"name": name, "source": src, "stdout": r.stdout, "stderr": stderr, "exitCode": r.returncode})

path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "tracebacks.golden.json")
with open(path, "w") as f:
    json.dump(out, f, indent=1)
print(f"{len(out)} programs -> {path}")
