# Calls with positional, keyword, unpacked arguments; argument errors caught
def f(a, b, c=3, *rest, d=4, **kw):
    return (a, b, c, rest, d, kw)
print(f(1, 2))
print(f(1, b=2))
print(f(*[1, 2, 3, 4, 5]))
print(f(1, 2, d=0, e=9))
print(f(**{"a": 1, "b": 2, "c": 0}))
for call in [lambda: f(1), lambda: f(1, 2, a=3), lambda: f(b=1)]:
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
def g(x):
    return x
try:
    g(1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    g(y=1)
except TypeError as e:
    print("TypeError:", e)
print(max(*[4, 8, 2]), print("nested print returns", end=" -> "))
