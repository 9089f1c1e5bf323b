# expect: error AttributeError
# CPython reaches a generator's globals and builtins through gi_frame/gi_code; Kernel Lab's generators
# expose neither, and their type chain ends in object.
def g():
    yield 1
it = g()
for t in type(it).__mro__:
    for name in ("__dict__", "__globals__", "__code__"):
        if hasattr(t, name) and name != "__dict__":
            print("ESCAPED", t, name)
print(it.gi_frame.f_globals["__builtins__"])
