# Attribute hooks: __setattr__/__delattr__ overrides calling object's and super()'s, setattr/delattr builtins
class Logged:
    def __init__(self):
        self.log = []
        self.x = 1
    def __setattr__(self, name, value):
        if name != "log":
            self.log.append(name)
        super().__setattr__(name, value)
    def __delattr__(self, name):
        print("del", name)
        object.__delattr__(self, name)
o = Logged()
o.y = 2
setattr(o, "z", 3)
del o.x
print(o.log, vars(o), hasattr(o, "x"))
class Strict:
    __slots__ = ()
try:
    object.__setattr__(3, "a", 1)
except AttributeError as e:
    print(e)
class Validated:
    def __setattr__(self, name, value):
        if name == "size" and value < 0:
            raise ValueError(f"size must be >= 0, got {value}")
        object.__setattr__(self, name, value)
v = Validated()
v.size = 3
try:
    v.size = -1
except ValueError as e:
    print("ValueError:", e, v.size)
class Child(Validated):
    pass
c = Child()
c.other = -5
print(c.other, getattr(c, "size", None))
try:
    c.size = -2
except ValueError as e:
    print("ValueError:", e)
