"""Random arithmetic and comparison expressions over boundary values, evaluated by CPython 3.11.

Run: python3 lib/python/compiler/golden/arith.gen.py
The compiler inlines fast paths for small ints (JS numbers) and must hand everything else (results
past 2**53, negative modulo, floats, bools, bigints) to the runtime; this checks both sides of every
guard. Writes arith.golden.json: the program and CPython's stdout.
"""
import json
import os
import random
import sys

assert sys.version_info[:2] == (3, 11), "golden data must come from CPython 3.11"

HERE = os.path.dirname(os.path.abspath(__file__))
rng = random.Random(20261125)

VALUES = [
    "0", "1", "-1", "2", "3", "7", "-7", "10", "2**31 - 1", "2**31", "-2**31", "2**52", "2**53 - 1",
    "2**53", "-(2**53 - 1)", "-2**53", "2**53 + 1", "2**63", "10**20", "-10**20", "94906267",
    "3037000500", "True", "False", "1.5", "-0.5", "0.0",
]
BINARY = ["+", "-", "*", "//", "%", "<", "<=", ">", ">=", "==", "!="]
AUG = ["+=", "-=", "*=", "//=", "%="]

lines = ["def show(f):", "    try:", "        print(repr(f()))", "    except Exception as e:", "        print(type(e).__name__)"]
for _ in range(400):
    kind = rng.random()
    a, b, c = (rng.choice(VALUES) for _ in range(3))
    if kind < 0.6:
        expr = f"({a}) {rng.choice(BINARY)} ({b})"
    elif kind < 0.75:
        expr = f"({a}) {rng.choice(['<', '<=', '==', '!='])} ({b}) {rng.choice(['<', '<=', '>', '>='])} ({c})"
    elif kind < 0.85:
        expr = f"({a}) {rng.choice(BINARY[:5])} ({b}) {rng.choice(BINARY[:5])} ({c})"
    else:
        expr = None
    if expr is not None:
        lines.append(f"show(lambda: {expr})")
    else:
        op = rng.choice(AUG)
        lines.append(f"def aug():\n    x = {a}\n    x {op} {b}\n    return x\nshow(aug)")
    if rng.random() < 0.2:
        lines.append(f"def loop():\n    t = {a}\n    for i in range(5):\n        t = t * 3 + i - ({b})\n        if t > {c}:\n            t = t % 1000003\n    return t\nshow(loop)")
program = "\n".join(lines) + "\n"

namespace = {}
import contextlib
import io
buf = io.StringIO()
with contextlib.redirect_stdout(buf):
    exec(compile(program, "<arith>", "exec"), namespace)
with open(os.path.join(HERE, "arith.golden.json"), "w") as f:
    json.dump({"program": program, "stdout": buf.getvalue()}, f, indent=1)
    f.write("\n")
