# expect: any
# __code__ and friends must not expose JavaScript (a Python-level object or AttributeError is fine).
def f(x):
    return x + 1
code = f.__code__
print(type(code).__name__)
print(code.co_consts, code.co_names)
new_f = type(f)(code, {})
print("ESCAPED", new_f(1))
