"""Generate parser golden data from CPython 3.11's own parser.

Run: python3 lib/python/parser/golden/parser.gen.py
Writes parser.golden.json next to this file: for every snippet either the normalised AST
(node kinds, fields and positions) or the SyntaxError CPython raises (class, msg, line, offset).
"""
import ast
import warnings
import json
import math
import os
import sys

assert sys.version_info[:2] == (3, 11), "golden data must come from CPython 3.11"

HERE = os.path.dirname(os.path.abspath(__file__))

VALID = [
    # literals
    "1\n", "1_000_000\n", "0x_ff\n", "0o17\n", "0b1010\n", "1e-5\n", ".5\n", "5.\n", "1.5e+10\n",
    "123456789012345678901234567890\n", "1e400\n", "0\n", "00\n", "0.0\n", "1_0.2_5e1_0\n",
    "'a'\n", '"a"\n', "'''a\nb'''\n", '"""doc"""\n', "r'\\n'\n", "'\\n\\t\\x41\\u00e9\\101'\n",
    "'a' 'b' \"c\"\n", "'a\\\nb'\n", "R'x' 'y'\n", "u'x'\n",
    "True, False, None, ...\n", "'\\N{BULLET} \\N{greek small letter alpha}'\n", "f'\\N{DEGREE SIGN}{x}'\n",
    # f-strings
    "f'{x}'\n", "f'a{x!r}b'\n", "f'{x:>10.3f}'\n", "f'{x:{w}}'\n", "f'{x=}'\n", "f'{x = }'\n",
    "f'{x=:>5}'\n", "f'{x=!s}'\n", "f\"{d['k']}\"\n", "f'{{}} {x}'\n", "f'{a}' 'b' f'{c}'\n",
    "rf'{x}\\n'\n", "fr'{x}'\n", "f'{x:{w}.{p}f}'\n", "f'{3 != 4}'\n", "f'{(lambda: 1)()}'\n",
    "f'{x!r:^{w}}'\n", "f''\n", "f'abc'\n", "f'{a}{b}'\n", "f'{ x }'\n",
    # names, attributes, calls
    "x\n", "a.b.c\n", "f()\n", "f(1, 2)\n", "f(a, b=1, *c, **d)\n", "f(*a, *b, c=1, **d, **e)\n",
    "f(x for x in y)\n", "f((x for x in y), 1)\n", "f(a)(b)(c)\n", "a.b(c).d[e]\n",
    "f(\n  1,\n  2,\n)\n", "print('a', 'b', sep=', ', end='')\n", "f(x := 1)\n",
    # subscripts and slices
    "a[1]\n", "a[1:2]\n", "a[::2]\n", "a[1:2:3]\n", "a[:]\n", "a[i*128:(i+1)*128, :]\n", "x[:, None]\n",
    "a[..., 0]\n", "a[1,]\n", "a[1, 2]\n", "a[:, :, 0:4]\n", "a[b][c]\n", "a[-1]\n", "a[::-1]\n",
    "a[lo:hi, None, ...]\n", "a[*b]\n",
    # operators
    "a + b * c - d / e // f % g @ h\n", "a ** b ** c\n", "-a ** 2\n", "-x + +y - ~z\n",
    "a << 1 >> 2 & 3 | 4 ^ 5\n", "not a and b or c\n", "a and b and c\n", "a or b or c and d\n",
    "a < b <= c == d != e > f >= g\n", "a in b\n", "a not in b\n", "a is b\n", "a is not b\n",
    "x if c else y\n", "a if b else c if d else e\n", "lambda: 0\n", "lambda x, y=1, *a, k, **kw: x\n",
    "(a)\n", "((a))\n", "(a, b)\n", "()\n", "(a,)\n", "[a, *b]\n", "[]\n", "{}\n", "{a: 1, **b}\n",
    "{1, 2}\n", "{*a}\n", "(x := 5)\n", "[y := 1, y ** 2]\n", "a @ b\n", "2**-1\n", "not not x\n",
    # comprehensions
    "[x for x in y]\n", "[x for x in y if x if z]\n", "[(i, j) for i in a for j in b]\n",
    "{k: v for k, v in d.items()}\n", "{x for x in y}\n", "(x for x in y)\n",
    "[x if x > 0 else 0 for x in y]\n", "[lambda: i for i in r]\n", "[[c for c in r] for r in m]\n",
    # assignments
    "x = 1\n", "a = b = c\n", "a, b = b, a\n", "a, *b = c\n", "[a, b] = c\n", "(a, b) = c\n",
    "a.b = 1\n", "a[1] = 2\n", "a[1:2] = b\n", "x += 1\n", "x //= 2\n", "a.b **= 3\n", "a[i] @= b\n",
    "x: int\n", "x: int = 5\n", "out_tile: nt.tensor[c, h, w] = nl.ndarray((c, h, w))\n",
    "(x): int = 1\n", "a.b: str\n", "x = *a, b\n", "x = yield_ = 3\n", "for x, in y: pass\n",
    # statements
    "pass\n", "del a, b[1], c.d\n", "del (a, b)\n", "assert x\n", "assert x, 'msg'\n",
    "import x\n", "import x.y as z\n", "import a, b.c\n", "from x import y\n",
    "from x import (a, b as c)\n", "from x import (a,\n  b,\n)\n", "from x import *\n",
    "from . import x\n", "from .. a import b\n", "global x\n", "global x, y\n",
    "def f():\n  nonlocal x\n", "raise\n", "raise X\n", "raise X from Y\n", "raise X('m') from None\n",
    "if a:\n  pass\n", "if a:\n  pass\nelse:\n  pass\n", "if a:\n  x\nelif b:\n  y\nelif c:\n  z\nelse:\n  w\n",
    "if a: pass\n", "if a: x; y\n", "x; y; z\n", "x;\n",
    "while x:\n    x -= 1\nelse:\n    pass\n", "for i in range(10):\n  if i: break\n  continue\nelse:\n  pass\n",
    "for i, (a, b) in enumerate(c): pass\n", "for x in 1, 2: pass\n", "for *a, b in c: pass\n",
    "try:\n  pass\nexcept:\n  pass\n", "try:\n  x\nexcept (A, B) as e:\n  y\nelse:\n  z\nfinally:\n  w\n",
    "try:\n  x\nexcept A:\n  y\nexcept B as e:\n  z\n", "try:\n  x\nfinally:\n  y\n",
    "with a as b, c as d:\n  pass\n", "with a:\n  pass\n", "with (a as b, c as d):\n  pass\n",
    "with (a, b):\n  pass\n", "with (a):\n  pass\n", "with a() as (x, y): pass\n", "with (yield_):\n pass\n",
    "def f(): pass\n", "def f(a, b=1, *args, c, d=2, **kw) -> int:\n  return a\n",
    "def f(a, /, b, *, c):\n  pass\n", "def f(*, a=1): pass\n", "def f(a: int = 1, *b: str, **c: float): pass\n",
    "@d\ndef f(): pass\n", "@d(1, k=2)\n@e.f\ndef g(x):\n  return x\n", "@d\nclass C: pass\n",
    "class C: pass\n", "class C(Base):\n  x = 1\n  def m(self):\n    return self.x\n",
    "class C(A, B, metaclass=M): pass\n", "class C():\n  pass\n",
    "def f():\n  return\n", "def f():\n  return 1, 2\n", "def f():\n  return *a, b\n",
    "def outer():\n  x = 1\n  def inner():\n    nonlocal x\n    x += 1\n  return inner\n",
    # layout
    "# comment\nx = 1  # trailing\n", "\n\n\nx\n\n\n", "x = 1", "if a:\n  # c\n\n  pass\n",
    "if a:\n    if b:\n        pass\n    x\ny\n", "if a:\n\tpass\n", "x = (1 +\n     2)\n", "x = 1 + \\\n    2\n",
    "x = [\n  1,\n  2\n]\n", "def f(\n  a,\n  b):\n  pass\n", "if a:\n  pass\n  \n", "x = 1\r\ny = 2\r\n",
    "\"\"\"Module doc.\"\"\"\nimport numpy as np\n", "def f():\n  '''doc'''\n  return 1\n",
    "match = 1\n", "x = 1if y else 2\n", "x = 1or 2\n", "x = [0x1for x in y]\n", "x = 1.5else\n" if False else "x = 1.5if y else 2\n", "match(x)\n", "match.x = 1\n", "case = 2\n", "_ = 1\n", "print(match, case)\n",
    "if x:\n        pass\nelse:\n  pass\n",
    # unicode identifiers
    "café = 1\n", "(" * 199 + "1" + ")" * 199 + "\n",
    # a realistic NKI kernel
    '''import numpy as np
import neuronxcc.nki as nki
import neuronxcc.nki.language as nl


@nki.jit
def nki_tensor_add_kernel(a_input, b_input):
    """NKI kernel to compute element-wise addition of two input tensors."""
    # Check all input/output tensor shapes are the same for element-wise operation
    assert a_input.shape == b_input.shape

    # Check size of the first dimension does not exceed on-chip memory tile size limit,
    # so that we don't need to tile the input to keep this example simple
    assert a_input.shape[0] <= nl.tile_size.pmax

    result = nl.ndarray(a_input.shape, dtype=a_input.dtype, buffer=nl.shared_hbm)

    for i in nl.affine_range(a_input.shape[0] // 128):
        a_tile = nl.load(a_input[i * 128:(i + 1) * 128, :])
        b_tile = nl.load(b_input[i * 128:(i + 1) * 128, :])
        c_tile = nl.add(a_tile, b_tile)
        nl.store(result[i * 128:(i + 1) * 128, :], value=c_tile)
    return result


if __name__ == "__main__":
    a = np.random.rand(256, 512).astype(np.float32)
    out = nki_tensor_add_kernel(a, a)
    print(f"max error: {np.max(np.abs(out - 2 * a)):.3e}")
''',
]

INVALID = [
    "f() = 1\n", "x + 1 = 2\n", "1 = x\n", "None = 1\n", "(a, f()) = 1\n", "for f() in x: pass\n",
    "f() += 1\n", "del f()\n", "[a,b] += 1\n", "a, b: int = 1\n", "f(x+1=2)\n", "f(**a, *b)\n",
    "f(a=1, b)\n", "f(**k, b)\n", "f(a for a in b, c)\n", "print \"x\"\n", "x = 1 2\n", "f(a b)\n",
    "if x\n  pass\n", "def f(a=1, b): pass\n", "def f(*): pass\n", "def f(**k, a): pass\n",
    "try:\n  pass\nx=1\n", "try:\n  pass\nexcept:\n  pass\nexcept A:\n  pass\n",
    "try:\n  pass\nexcept A, B:\n  pass\n", "if x:\npass\n", "def f():\nreturn\n",
    "  x=1\n", "x=(1,\ny=2\n", "x = [1, 2\n", "(]\n", "x = )\n", "lambda x=1, y: x\n",
    "f'{}'\n", "f'{x!z}'\n", "f'{x'\n", "f'}'\n", "x = 'abc\n", "a[1:2:3:4]\n", "a := 1\n",
    "class A\n  pass\n", "for x in y\n  pass\n", "while x\n pass\n", "def f()\n  pass\n",
    "else: pass\n", "x = 5 if 3\n", "import a.b as\n", "def f(a, a): pass\n", "x = 0777\n",
    "x = 1__0\n", "x = 1_\n", "x = 0x\n", "$x\n", "x = 5 €\n",
    "if a:\n    x\n  y\n", "if a:\n        x\n\ty\n", "if a:\n  x\n    y\n", "x = '''abc\n\ndef\n",
    "def f(:\n", "x = [1, 2)\n", "x = (1,\n 2]\n", "x.1\n", "a b\n", "x = \n", "for in x: pass\n",
    "class C(:\n  pass\n", "x +\n", "f(,)\n", "[x for x in]\n", "{1: 2, 3}\n", "a.b.\n",
    "def f(x y): pass\n", "if True:\n    x = 1\n     y = 2\n", "x = 1 +* 2\n", "()()()=1\n",
    "(a b c)\n", "x = {'a' 1}\n", "if x == 1\n    pass\n", "import\n", "from x import\n",
    "with a as f(): pass\n", "del 1\n", "a, b += 1\n", "print(f'{a b}')\n", "f(**)\n", "@\ndef f(): pass\n",
    "(" * 201 + ")" * 201 + "\n", "".join(" " * i + "if x:\n" for i in range(101)) + " " * 101 + "pass\n",
    "x = '\\N{NOPE}'\n", "x = '\\x4'\n", "x = 'ab\\N'\n",
]


# Common student mistakes (checked against CPython's messages).
INVALID += [
    'if x = 1:\n    pass\n',
    'while x = 1:\n    pass\n',
    'f(x, y=1, z)\n',
    'x = [1, 2 3]\n',
    "x = {'a': 1 'b': 2}\n",
    'def f(x)\n    return x\n',
    'for i in range(10)\n    pass\n',
    'else if x:\n    pass\n',
    'if x:\n    pass\nelse if y:\n    pass\n',
    'x = (1, 2\ny = 3\n',
    "print('hello)\n",
    'x = 5 +\n',
    'def f():\n    x = 1\n  return x\n',
    'class A:\ndef f(self):\n    pass\n',
    'import numpy as\n',
    'from numpy import\n',
    'x == 1 = y\n',
    'f(**kwargs, *args)\n',
    'a = 1 if b\n',
    'x = [i for i in]\n',
    'x = 1 +* 2\n',
    'def f(x, x): pass\n',
    'x += 1 += 2\n',
    'a, b += 1, 2\n',
    '(a, b) += 1\n',
    'f() += 1\n',
    'del f()\n',
    'True = 1\n',
    '__debug__ = 1\n',
    'x.1 = 2\n',
    'x = 08\n',
    'x = 1e\n',
    'x = 0b2\n',
    'x = 0o9\n',
    'x = 1.2.3\n',
    "s = f'{x!}'\n",
    "s = f'{x:{y:{z}}}'\n",
    # Brackets in f-string fields: CPython 3.11 names the unmatched or mismatched one, and points
    # at the token after the string (a student's nested quotes end the string early).
    "print(f'{d['key']}')\n", "s = f'{int(float('inf')):>10}'\n", "s = f'{x(}'\n", "s = f'{x[)}'\n",
    "s = f'{(x]}'\n", "s = f'{x)}'\n", "s = f'{x(1, (2)}'\n", "s = f'{x:{y(}}'\n", "s = f'{x(y[}'\n",
    "s = f'{x(' + 'a'\n", "s = f'{x(' 12.5\n",
    'try:\n    pass\nfinally:\n    pass\nexcept:\n    pass\n',
    "with open('f') as f, :\n    pass\n",
    'import a.b.c as d.e\n',
    'def f(*, **k): pass\n',
    'def f(a, *b, *c): pass\n',
    'def f(**a, **b): pass\n',
    'x = [1, 2,, 3]\n',
    'print(1 2)\n',
    'd = {1: 2, 3: 4, 5}\n',
    'if True:\n\tx = 1\n        y = 2\n',
    "x = 'abc' 'def\n",
    '*a = 1\n',
    'a, *b, *c = d\n',
    'print(*)\n',
]


def norm_value(v):
    if v is None:
        return {"None": None}
    if v is Ellipsis:
        return {"Ellipsis": None}
    if isinstance(v, bool):
        return {"bool": v}
    if isinstance(v, int):
        return {"int": str(v)}
    if isinstance(v, float):
        if math.isinf(v) or math.isnan(v):
            return {"float": repr(v)}
        return {"float": v}
    if isinstance(v, str):
        return {"str": v}
    raise TypeError(type(v))


SKIP_FIELDS = {"ctx", "type_comment", "type_ignores", "is_async", "kind"}


def char_col(lines, lineno, byte_col):
    """CPython columns are UTF-8 byte offsets; ours count characters (UTF-16 units for the BMP)."""
    return len(lines[lineno - 1].encode("utf-8")[:byte_col].decode("utf-8"))


def norm(node, lines):
    if isinstance(node, list):
        return [norm(n, lines) for n in node]
    if not isinstance(node, ast.AST):
        return node
    out = {"_": type(node).__name__}
    for field, value in ast.iter_fields(node):
        if field in SKIP_FIELDS:
            continue
        if isinstance(node, ast.Constant) and field == "value":
            out["value"] = norm_value(value)
        else:
            out[field] = norm(value, lines)
    if "lineno" in node._attributes and not isinstance(node, ast.Module):
        out["pos"] = [
            node.lineno,
            char_col(lines, node.lineno, node.col_offset),
            node.end_lineno,
            char_col(lines, node.end_lineno, node.end_col_offset),
        ]
    return out


def main():
    warnings.simplefilter("ignore")
    valid = []
    for src in VALID:
        tree = ast.parse(src)
        valid.append({"source": src, "ast": norm(tree, src.split("\n"))})
    invalid = []
    for src in INVALID:
        try:
            compile(src, "prog.py", "exec")
        except SyntaxError as e:
            invalid.append({
                "source": src,
                "type": type(e).__name__,
                "msg": e.msg,
                "line": e.lineno,
                "offset": e.offset,
            })
        else:
            raise AssertionError(f"expected SyntaxError for {src!r}")
    with open(os.path.join(HERE, "parser.golden.json"), "w") as f:
        json.dump({"valid": valid, "invalid": invalid}, f, indent=1, ensure_ascii=False)
        f.write("\n")


main()
