"""Golden scope data from CPython 3.11's own symtable module.

Run: python3 lib/python/compiler/golden/scope.gen.py
Writes scope.golden.json: for every snippet, each non-module scope in source order with how every
name resolves there ("local", "free" or "global"), or the SyntaxError compile() raises.
"""
import json
import os
import symtable
import sys

assert sys.version_info[:2] == (3, 11), "golden data must come from CPython 3.11"

HERE = os.path.dirname(os.path.abspath(__file__))

SNIPPETS = [
    '"""Doc."""\nfrom __future__ import annotations, division\ndef f(x: int) -> int:\n    return x\n',
    "def f(a, b=1, *c, d, **e):\n    x = a\n    return x + y\n",
    "def f():\n    global g\n    g = 1\n    h = 2\n",
    "def outer():\n    x = 1\n    def inner():\n        return x\n    return inner\n",
    "def outer():\n    x = 1\n    def inner():\n        nonlocal x\n        x += 1\n    return inner\n",
    "def a():\n    x = 1\n    def b():\n        def c():\n            return x\n        return c\n    return b\n",
    "def a():\n    global x\n    def b():\n        return x\n    return b\n",
    "class C:\n    x = 1\n    def m(self):\n        return x\n",
    "def f():\n    y = 1\n    class C:\n        z = y\n        def m(self):\n            return y + z\n    return C\n",
    "def f():\n    y = 1\n    class C:\n        y = 2\n        w = y\n    return C\n",
    "xs = [i * j for i in range(3) for j in range(i)]\n",
    "def f(n):\n    return [x + n for x in range(n) if x % 2]\n",
    "def f(n):\n    return {k: v for k, v in n.items()}, {s for s in n}, (g for g in n)\n",
    "def f():\n    [y := i for i in range(3)]\n    return y\n",
    "def f():\n    return lambda a, b=c: a + b + d\n",
    "def f():\n    for i, (j, k) in enumerate(z):\n        pass\n    with open(p) as fh:\n        pass\n    try:\n        pass\n    except E as err:\n        pass\n",
    "def f():\n    import os.path\n    import numpy as np\n    from math import sqrt as s, pi\n",
    "def f():\n    del q\n",
    "def f():\n    x: int = 1\n    y: int\n",
    "class A:\n    def m(self):\n        return super().m()\n",
    "def f():\n    def g():\n        return h()\n    def h():\n        return 1\n    return g\n",
    "def f(x):\n    def g():\n        return [x for _ in range(2)]\n    return g\n",
    "class C:\n    vals = [1, 2]\n    doubled = [v * 2 for v in vals]\n",
    "def f():\n    x = 1\n    return [lambda: x for x in range(3)]\n",
    "def f():\n    print(x)\n    x = 1\n",
    "@dec(a)\ndef f(p=default):\n    return p\n",
    "def f():\n    def g():\n        nonlocal v\n        v = 2\n    v = 1\n    return g\n",
]

INVALID = [
    "def f():\n    global x\n    x: int = 1\n", "def f():\n    nonlocal y\n    y: int = 1\n",
    "x = 1\nfrom __future__ import annotations\n", "from __future__ import braces\n",
    "from __future__ import nope\n", "def f():\n    from __future__ import annotations\n",
    "def f():\n    x = 1\n    global x\n",
    "def f():\n    print(x)\n    global x\n",
    "def f(a):\n    global a\n",
    "def f():\n    nonlocal x\n",
    "nonlocal x\n",
    "return 1\n",
    "class C:\n    return 1\n",
    "break\n",
    "def f():\n    continue\n",
    "for x in y:\n    def g():\n        break\n",
    "while x:\n    pass\nelse:\n    break\n",
    "def f():\n    from math import *\n",
    "def f():\n    x = 1\n    nonlocal x\n",
    "def f():\n    global x\n    nonlocal x\n",
    "def f():\n    x = 1\n    def g():\n        global x\n        nonlocal x\n",
]


def category(sym):
    if sym.is_global() or sym.is_declared_global():
        return "global"
    if sym.is_free():
        return "free"
    if sym.is_local():
        return "local"
    return "global"


def walk(table, out):
    for child in table.get_children():
        symbols = {}
        for sym in child.get_symbols():
            name = sym.get_name()
            if name.startswith(".") or name == "__class__":
                continue
            symbols[name] = category(sym)
        out.append({"name": child.get_name(), "line": child.get_lineno(), "symbols": symbols})
        walk(child, out)


def main():
    valid = []
    for src in SNIPPETS:
        scopes = []
        walk(symtable.symtable(src, "prog.py", "exec"), scopes)
        valid.append({"source": src, "scopes": scopes})
    invalid = []
    for src in INVALID:
        try:
            compile(src, "prog.py", "exec")
        except SyntaxError as e:
            invalid.append({"source": src, "type": type(e).__name__, "msg": e.msg, "line": e.lineno, "offset": e.offset})
        else:
            raise AssertionError(f"expected SyntaxError for {src!r}")
    with open(os.path.join(HERE, "scope.golden.json"), "w") as f:
        json.dump({"valid": valid, "invalid": invalid}, f, indent=1)
        f.write("\n")


main()
