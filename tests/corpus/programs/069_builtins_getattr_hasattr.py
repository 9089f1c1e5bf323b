# getattr, hasattr, setattr with defaults and errors
class Cfg:
    tile = 128
    def method(self):
        return "called"
c = Cfg()
print(getattr(c, "tile"), getattr(c, "nope", None), getattr(c, "method")())
print(hasattr(c, "tile"), hasattr(c, "nope"), hasattr("str", "upper"), hasattr([], "append"))
setattr(c, "dynamic", 7)
print(c.dynamic, getattr(c, "dyn" + "amic"))
try:
    getattr(c, "missing")
except AttributeError as e:
    print("AttributeError:", e)
print(getattr([1, 2, 3], "count")(2), getattr("abc", "upper")())
print(getattr(Cfg, "tile"), hasattr(Cfg, "method"))
import math
print(getattr(math, "pi"), hasattr(math, "tau"), hasattr(math, "nothing"))
