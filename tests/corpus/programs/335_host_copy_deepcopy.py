# Copying configs and results: copy.copy vs copy.deepcopy on user objects, nested containers, cycles, hooks
import copy
from collections import defaultdict, namedtuple
import numpy as np
class Cfg:
    def __init__(self, name, shapes):
        self.name = name
        self.shapes = shapes
        self.calls = 0
    def __repr__(self):
        return f"Cfg({self.name!r}, {self.shapes})"
base = Cfg("mm", [[128, 64], [64, 32]])
s = copy.copy(base)
d = copy.deepcopy(base)
base.shapes[0][0] = 1
base.name = "changed"
print(base, s, d, s.shapes is base.shapes, d.shapes is base.shapes, type(d).__name__, d.calls)
nested = {"a": [1, [2, 3]], "b": (4, [5]), "c": {6, 7}}
dn = copy.deepcopy(nested)
sn = copy.copy(nested)
nested["a"][1].append(99)
nested["b"][1].append(98)
print(nested, dn, sn["a"] is nested["a"], dn["b"][0], dn["c"])
cyc = [1]
cyc.append(cyc)
cc = copy.deepcopy(cyc)
print(cc[1] is cc, cc[0], len(cc))
dd = defaultdict(list, {"x": [1]})
dd2 = copy.deepcopy(dd)
dd2["y"].append(2)
print(type(dd2).__name__, dict(dd2), dict(dd), copy.copy(dd).default_factory)
P = namedtuple("P", "a b")
p = P([1], 2)
print(copy.copy(p) is p, copy.deepcopy(p), copy.deepcopy(p).a is p.a, copy.deepcopy((1, "x")) )
arr = np.arange(4)
ac = copy.deepcopy({"w": arr})
arr[0] = 100
print(ac["w"], copy.copy(arr) is arr, copy.copy(arr)[0], copy.copy(3), copy.deepcopy("s"), copy.copy(None))
class WithHooks:
    def __init__(self, v):
        self.v = v
    def __copy__(self):
        return WithHooks(self.v + 1)
    def __deepcopy__(self, memo):
        return WithHooks(self.v + 10)
print(copy.copy(WithHooks(1)).v, copy.deepcopy([WithHooks(1)])[0].v, copy.copy([1, 2]), copy.copy({1, 2}), copy.copy(frozenset([3])))
