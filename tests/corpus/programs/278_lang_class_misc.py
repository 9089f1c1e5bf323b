# Class decorators, classmethod with super(), type(self) lookups, __class__.__name__, class-level counters
def register(cls):
    cls.registered = True
    return cls
@register
class Base:
    count = 0
    def __init__(self):
        type(self).count += 1
    @classmethod
    def create(cls):
        return cls()
    def name(self):
        return self.__class__.__name__
class Child(Base):
    @classmethod
    def create(cls):
        obj = super().create()
        obj.tag = "child"
        return obj
a = Base.create()
b = Child.create()
c = Child()
print(Base.count, Child.count, a.name(), b.name(), b.tag, Base.registered, Child.registered)
print(isinstance(b, (int, Base)), type(b) is Child, type(b).__mro__[1] is Base, Child.__bases__[0].__name__)
print(Base.name(c), getattr(c, "tag", "no tag"), hasattr(Child, "create"), callable(Child.create))
