# Kernel helper hierarchies with abc: abstract methods and properties, instantiation errors
from abc import ABC, abstractmethod
class Kernel(ABC):
    def __init__(self, name):
        self.name = name
    @abstractmethod
    def run(self, x):
        ...
    @abstractmethod
    def reference(self, x):
        pass
    def check(self, x):
        return self.run(x) == self.reference(x)
class Add1(Kernel):
    def run(self, x):
        return x + 1
    def reference(self, x):
        return 1 + x
class Half(Kernel):
    def run(self, x):
        return x / 2
for cls in (Kernel, Half, Add1):
    try:
        k = cls("k")
        print(cls.__name__, k.check(3), k.name)
    except TypeError as e:
        print("TypeError:", e)
print(sorted(Kernel.__abstractmethods__), sorted(Half.__abstractmethods__), Add1.__abstractmethods__, isinstance(Add1("a"), ABC))
class Shape(ABC):
    @property
    @abstractmethod
    def area(self): ...
class Sq(Shape):
    def __init__(self, s): self.s = s
    @property
    def area(self): return self.s ** 2
try:
    Shape()
except TypeError as e:
    print(e)
print(Sq(3).area, issubclass(Sq, Shape), ABC.__name__)
