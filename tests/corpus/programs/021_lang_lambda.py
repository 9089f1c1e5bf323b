# lambda expressions: defaults, closures, immediately called, as sort keys
square = lambda x: x * x
print(square(7), (lambda: "no args")(), (lambda a, b=2: a * b)(4))
pairs = [(3, "c"), (1, "a"), (2, "b")]
print(sorted(pairs, key=lambda p: p[1], reverse=True))
print(list(map(lambda x: x + 1, [1, 2, 3])))
print(list(filter(lambda s: len(s) > 2, ["ab", "abc", "abcd"])))
compose = lambda f, g: lambda x: f(g(x))
inc_then_double = compose(lambda x: 2 * x, lambda x: x + 1)
print(inc_then_double(5))
ops = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b}
for sym in "+-*":
    print(sym, ops[sym](6, 3))
print((lambda *a, **k: (a, k))(1, 2, z=3))
print(square.__name__)
