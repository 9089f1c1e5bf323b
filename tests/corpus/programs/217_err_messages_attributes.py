# AttributeError messages for modules, classes, instances and builtins (caught)
import math
class Point:
    def __init__(self):
        self.x = 1
p = Point()
probes = [
    lambda: math.foo,
    lambda: p.y,
    lambda: Point.z,
    lambda: (1).foo,
    lambda: "s".foo,
    lambda: [].foo,
    lambda: {}.foo,
    lambda: None.foo,
    lambda: (1.5).foo,
    lambda: True.foo,
    lambda: print.foo,
    lambda: len.__name__.foo,
]
for i, probe in enumerate(probes):
    try:
        probe()
    except AttributeError as e:
        print(i, e)
try:
    (1).real = 2
except AttributeError as e:
    print("set:", e)
try:
    del p.nothing
except AttributeError as e:
    print("del:", e)
