# super() through a three-level chain, method resolution and class attributes
class Base:
    kind = "base"
    def __init__(self):
        self.log = ["Base"]
    def describe(self):
        return f"{self.kind}:{'/'.join(self.log)}"
    def hook(self):
        return "base hook"
class Middle(Base):
    kind = "middle"
    def __init__(self):
        super().__init__()
        self.log.append("Middle")
    def hook(self):
        return "middle+" + super().hook()
class Leaf(Middle):
    def __init__(self, tag):
        super().__init__()
        self.log.append(f"Leaf({tag})")
    def hook(self):
        return "leaf+" + super().hook()
obj = Leaf("x")
print(obj.describe(), obj.hook())
print([c.__name__ for c in Leaf.__mro__])
print(Leaf.kind, isinstance(obj, Base), type(obj).__bases__[0].__name__)
print(super(Middle, obj).hook(), Middle.hook(obj))
