# KeyError messages use repr(key); missing attributes and names in various contexts
d = {}
for key in ["s", 1, 2.5, (1, 2), None, True, "quote'", "fs"]:
    try:
        d[key]
    except KeyError as e:
        print(repr(e), "|", str(e), "|", e.args)
try:
    {}.pop(("a", 1))
except KeyError as e:
    print("pop:", e)
s = set()
try:
    s.remove([1][0])
except KeyError as e:
    print("set:", e)
try:
    del d["nope"]
except KeyError as e:
    print("del:", e)
import math
try:
    math.nonexistent
except AttributeError as e:
    print(e)
try:
    undefined_function()
except NameError as e:
    print(e, "|", e.args)
