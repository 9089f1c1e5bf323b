"""Golden output for the compiler's execution tests, produced by CPython 3.11.

Run: python3 lib/python/compiler/golden/execution.gen.py
Each program targets one piece of code generation (scoping, control flow, unpacking, evaluation
order, the small-int fast paths...). Writes execution.golden.json with every program's stdout and,
when it ends in an uncaught exception, the traceback's last line and the innermost line number.
"""
import json
import os
import subprocess
import sys

assert sys.version_info[:2] == (3, 11), "golden data must come from CPython 3.11"

HERE = os.path.dirname(os.path.abspath(__file__))

PROGRAMS = {
    "closures_share_cells": """
def counter():
    n = 0
    def inc(by=1):
        nonlocal n
        n += by
        return n
    def get():
        return n
    return inc, get
inc, get = counter()
inc(); inc(5)
print(get(), inc())
fs = [lambda: i for i in range(3)]
print([f() for f in fs])
gs = [lambda i=i: i for i in range(3)]
print([g() for g in gs])
def late():
    x = 1
    f = lambda: x
    x = 2
    return f()
print(late())
""",
    "global_and_nonlocal": """
g = 1
def set_g():
    global g
    g = 2
def read_g():
    return g
set_g()
print(g, read_g())
def outer():
    x = 'outer'
    def mid():
        def inner():
            nonlocal x
            x = 'inner'
        inner()
    mid()
    return x
print(outer())
def shadow():
    g = 'local'
    return g
print(shadow(), g)
""",
    "unbound_local": """
x = 10
def f():
    print(x)
    x = 5
try:
    f()
except UnboundLocalError as e:
    print(type(e).__name__, e)
def g():
    del_me = 1
    del del_me
    return del_me
g()
""",
    "free_variable_unbound": """
def f():
    def g():
        return y
    r = g
    y = 1
    return r
print(f()())
def h():
    def g():
        return z
    g()
    z = 1
h()
""",
    "class_scopes": """
x = 'global'
class C:
    x = 'class'
    y = x
    def m(self):
        return x
    z = [x for _ in range(1)]
print(C.y, C().m(), C.z)
def make():
    v = 'enclosing'
    class D:
        w = v
        def m(self):
            return v
    return D
D = make()
print(D.w, D().m())
class E:
    a = 1
    b = a + 1
    del a
print(hasattr(E, 'a'), E.b)
""",
    "super_and_inheritance": """
class Base:
    def __init__(self, v):
        self.v = v
    def describe(self):
        return f'Base({self.v})'
class Child(Base):
    def __init__(self, v, w):
        super().__init__(v)
        self.w = w
    def describe(self):
        return 'Child<' + super().describe() + f', {self.w}>'
print(Child(1, 2).describe())
print(isinstance(Child(1, 2), Base), Child.__name__, Child.describe.__qualname__)
""",
    "decorators_order": """
log = []
def deco(name):
    log.append('make ' + name)
    def wrap(f):
        log.append('apply ' + name)
        def inner(*a, **k):
            return name + '(' + str(f(*a, **k)) + ')'
        return inner
    return wrap
@deco('a')
@deco('b')
def f(x):
    return x * 2
print(log)
print(f(21))
def defaults_at_def(x=[]):
    x.append(1)
    return len(x)
print(defaults_at_def(), defaults_at_def(), defaults_at_def([]))
""",
    "try_finally_control_flow": """
def f():
    for i in range(5):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            print('body', i)
        finally:
            print('finally', i)
    else:
        print('no else after break')
    return 'done'
print(f())
def g():
    try:
        return 'try'
    finally:
        print('cleanup')
print(g())
def h():
    try:
        return 1
    finally:
        return 2
print(h())
def k():
    while True:
        try:
            raise ValueError('x')
        except ValueError:
            break
        finally:
            print('k finally')
    return 'k done'
print(k())
""",
    "exceptions_chain_and_else": """
def parse(s):
    try:
        n = int(s)
    except ValueError as e:
        raise RuntimeError('bad ' + s) from e
    else:
        print('parsed', n)
        return n
    finally:
        print('finally', s)
parse('12')
try:
    parse('zz')
except RuntimeError as e:
    print(e, type(e.__cause__).__name__)
try:
    try:
        {}['k']
    except KeyError:
        raise TypeError('during')
except TypeError as e:
    print(repr(e.__context__))
try:
    pass
except Exception as e:
    pass
e = 'kept'
try:
    1 / 0
except ZeroDivisionError as e:
    pass
try:
    e
except NameError as err:
    print('unbound after except:', err)
try:
    raise
except RuntimeError as e:
    print(e)
""",
    "with_statement": """
class CM:
    def __init__(self, name, swallow=False):
        self.name = name
        self.swallow = swallow
    def __enter__(self):
        print('enter', self.name)
        return self.name.upper()
    def __exit__(self, et, ev, tb):
        print('exit', self.name, et.__name__ if et else None)
        return self.swallow
with CM('a') as x, CM('b') as y:
    print(x, y)
with CM('c', swallow=True):
    raise ValueError('swallowed')
print('after')
for i in range(3):
    with CM('loop' + str(i)):
        if i == 1:
            break
try:
    with CM('d'):
        1 / 0
except ZeroDivisionError:
    print('propagated')
""",
    "unpacking": """
a, b = 1, 2
a, b = b, a
print(a, b)
first, *rest = 'hello'
*init, last = [1, 2, 3]
x, *mid, y = range(5)
print(first, rest, init, last, x, mid, y)
(p, q), r = (1, 2), 3
[s, [t, u]] = [4, [5, 6]]
print(p, q, r, s, t, u)
xs = [1, 2]
xs[1], xs[0] = xs
print(xs)
for i, (k, v) in enumerate({'a': 1}.items()):
    print(i, k, v)
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print(e)
try:
    a, b, c = [1, 2]
except ValueError as e:
    print(e)
m = n = [0]
print(m is n)
""",
    "evaluation_order": """
def t(label, value):
    print('eval', label)
    return value
print(t('a', 1) < t('b', 2) < t('c', 0) < t('d', 3))
print(t('x', 0) or t('y', '') or t('z', 'last'))
print(t('x', 1) and t('y', 0) and t('z', 2))
d = {}
d[t('key', 'k')] = t('value', 'v')
print(d)
print(t('item', 1) in t('container', [1]))
print([t('e1', 1), t('e2', 2)], f(t('arg', 3)) if False else 'skipped')
""",
    "comprehensions_scope": """
x = 'outer'
ys = [x for x in range(3)]
print(x, ys)
print({i: i * i for i in range(4) if i % 2})
print(sorted({c for c in 'banana'}))
g = (n * 2 for n in range(4))
print(next(g), list(g))
matrix = [[i * 3 + j for j in range(3)] for i in range(3)]
print([row[i] for i, row in enumerate(matrix)])
print([(a, b) for a in range(3) for b in range(a)])
total = 0
print([total := total + v for v in [1, 2, 3]], total)
print(sum(v for v in range(101)))
""",
    "int_fast_paths": """
big = 2 ** 53
print(big - 1 + 1, big + 1, 9007199254740991 + 2, -9007199254740991 - 2)
print(3037000500 * 3037000500, 94906267 * 94906267, 0 * -5, -0)
print(7 % 3, -7 % 3, 7 % -3, -7 % -3, 7 // 2, -7 // 2, 7 // -2, 0 // 5)
print(2 ** 64 % 7, 10 ** 20 // 3, True + True, True * 3, 5 - True)
n = 0
for i in range(10):
    n += i
n -= 100
n *= -3
print(n, 1 < 2, 2 <= 2, 3 > 4, 4 >= 5, 1 == 1.0, 1 != True, 'a' < 'b')
i = 9007199254740990
i += 5
print(i)
try:
    print(1 % 0)
except ZeroDivisionError as e:
    print(e)
try:
    print(1 // 0)
except ZeroDivisionError as e:
    print(e)
""",
    "loops_else_and_labels": """
for i in range(3):
    for j in range(3):
        if j == 1:
            break
    else:
        print('inner else never')
    if i == 1:
        continue
    print('outer', i)
else:
    print('outer else')
n = 0
while n < 3:
    n += 1
else:
    print('while else', n)
while True:
    n -= 1
    if n == 0:
        break
print(n)
""",
    "calls_and_arguments": """
def f(a, b=2, /, c=3, *args, d, e=5, **kw):
    return (a, b, c, args, d, e, sorted(kw.items()))
print(f(1, d=4))
print(f(1, 2, 3, 4, 5, d=6, z=7))
print(f(*[1, 2], **{'d': 0, 'x': 1}))
def g(*args, **kwargs):
    return args, kwargs
print(g(*'ab', *[1], k=1, **{'m': 2}))
print(max([3, 1, 2], key=lambda v: -v), sorted([3, 1, 2], reverse=True))
class P:
    def m(self, *a):
        return len(a)
p = P()
print(p.m(), p.m(1, 2, 3, 4), P.m(p, 1))
try:
    f(1)
except TypeError as e:
    print(e)
try:
    f(1, d=1, a=2)
except TypeError as e:
    print(e)
""",
    "fstrings": """
x, w, p = 3.14159, 10, 3
name = 'kernel'
print(f'{x:.2f}|{x:{w}.{p}f}|{name!r}|{name:>10}|{x=}|{name = }|{{braces}}')
print(f'{1 + 1}{"nested"}{[1, 2][0]:03d}{"%"}')
print(f'''multi
{name.upper()}''')
print(f'{3 != 4} {x!s:>8} {"a" "b"}' 'tail')
""",
    "walrus_and_conditional": """
data = [1, 5, 2, 8]
if (n := len(data)) > 3:
    print('long', n)
while (item := data.pop()) != 5:
    print('popped', item)
print(data, 'yes' if data else 'no', 'x' if not data else 'y')
""",
    "augmented_assignment_targets": """
class O:
    pass
o = O()
o.v = 1
o.v += 2
xs = [1, 2, 3]
xs[0] -= 10
xs += [4]
ys = xs
ys += [5]
d = {'k': [1]}
d['k'] *= 2
s = 'a'
s += 'b'
t = (1,)
u = t
t += (2,)
print(o.v, xs, ys is xs, d, s, t, u)
""",
    "traceback_lines": """
def inner(v):
    return 10 / v
def outer(v):
    x = 1
    return inner(v - x)
print(outer(3))
outer(1)
""",
    "name_error_message": """
def f():
    return undefined_thing
f()
""",
    "recursion_depth": """
def down(n):
    return down(n + 1)
try:
    down(0)
except RecursionError as e:
    print('recursion', e)
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print(len(str(fact(500))))
""",
    "del_statements": """
a = 1
b = [1, 2, 3]
c = {'k': 1}
class K:
    pass
k = K()
k.attr = 1
del a, b[0], c['k'], k.attr
print(b, c, hasattr(k, 'attr'))
try:
    a
except NameError as err:
    print(err)
del a
""",
    "multiline_statement_lines": """
def scale(values, factor):
    return [v * factor for v in values]
data = {
    "a": scale([1, 2], 3),
}
try:
    total = (
        sum(data["a"])
        + data["c"][0]
    )
except KeyError as e:
    print("caught", e)
def step(n):
    try:
        if n == 1:
            raise RuntimeError(f"failed at {n}")
    finally:
        print("cleanup", n)
log = []
def v(name, value):
    log.append(name)
    return value
d = {v("k1", "a"): v("v1", 1), v("k2", "b"): v("v2", 2)}
print(log, d)
step(0)
value = sum(
    [1, 2],
    data["missing"],
)
""",
    "finally_keeps_raise_line": """
def step(n):
    try:
        print("step", n)
        if n == 1:
            raise RuntimeError("failed")
    finally:
        print("cleanup", n)
        x = 1
for n in range(3):
    step(n)
""",
    "private_name_mangling": """
class C:
    __x = 1
    def m(self):
        self.__y = 2
        return self.__x, self.__y, C.__x
    def __dunder__(self): return 'd'
    def __helper(self): return 'h'
    def call(self): return self.__helper()
c = C()
print(c.m(), hasattr(C, '_C__x'), c._C__y, c.__dunder__(), c.call(), c._C__helper())
class _D:
    __z = 3
print(_D._D__z)
try:
    c.__y
except AttributeError as e:
    print(e)
""",
    "nonlocal_unbinding": """
def f():
    x = 1
    def g():
        nonlocal x
        del x
    g()
    return x
try:
    f()
except NameError as e:
    print(type(e).__name__, e)
def h():
    y = 1
    def k():
        nonlocal y
        try:
            raise ValueError
        except ValueError as y:
            pass
    k()
    return y
try:
    h()
except NameError as e:
    print(type(e).__name__, e)
def straight(n):
    a = n
    b, (c, *d) = a, (a + 1, a + 2, a + 3)
    import math as m
    def inner():
        return a + b
    for i in range(2):
        a += i
    return a, b, c, d, m.floor(2.5), inner()
print(straight(5))
def maybe(flag):
    if flag:
        v = 1
    return v
print(maybe(True))
maybe(False)
""",
    "assert_and_raise": """
try:
    assert 1 == 2, 'math is broken'
except AssertionError as e:
    print('assert:', e)
try:
    raise ValueError
except ValueError as e:
    print(repr(e))
assert [], 'empty list is falsy'
""",
}


def main():
    out = {}
    for name, source in PROGRAMS.items():
        source = source.lstrip("\n")
        r = subprocess.run([sys.executable, "-c", source], capture_output=True, text=True, timeout=60)
        error = None
        if r.returncode != 0:
            lines = r.stderr.rstrip("\n").split("\n")
            frames = [l for l in lines if l.startswith('  File "<string>", line ')]
            line = int(frames[-1].split("line ")[1].split(",")[0]) if frames else None
            error = {"last": lines[-1], "line": line}
        out[name] = {"source": source, "stdout": r.stdout, "error": error}
    with open(os.path.join(HERE, "execution.golden.json"), "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")


main()
