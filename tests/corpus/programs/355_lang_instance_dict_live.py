# An object's __dict__ (and vars(obj)) is its attribute storage itself, not a copy: the
# `self.__dict__.update(kwargs)` idiom of config classes, writes through vars(), deletes.
class Config:
    def __init__(self, **kwargs):
        self.name = "default"
        self.__dict__.update(kwargs)

c = Config(tile=128, dtype="bf16")
print(c.name, c.tile, c.dtype)
print(sorted(vars(c).items()))

vars(c)["extra"] = [1, 2]
print(c.extra)
d = c.__dict__
c.late = True
print(d["late"], "late" in d, len(d))
del d["extra"]
print(hasattr(c, "extra"))
del c.late
print(sorted(d))
print(c.__dict__ is c.__dict__, vars(c) is c.__dict__)

# A non-string key is allowed in the dict but is not an attribute.
d[1] = "one"
print(d[1], sorted(k for k in d if isinstance(k, str)))

# Function attributes share a dict the same way.
def f():
    pass
f.calls = 0
f.__dict__["calls"] += 5
print(f.calls, f.__dict__)

# A copy of the dict is independent of the object.
snap = dict(c.__dict__)
c.name = "changed"
print(snap["name"], c.__dict__["name"])
try:
    print(c.missing)
except AttributeError as e:
    print(e)
