# Single inheritance, super(), method overriding, isinstance/issubclass
class Shape:
    def __init__(self, name):
        self.name = name
    def area(self):
        return 0
    def describe(self):
        return f"{self.name} with area {self.area():.2f}"
class Rect(Shape):
    def __init__(self, w, h):
        super().__init__("rect")
        self.w, self.h = w, h
    def area(self):
        return self.w * self.h
class Square(Rect):
    def __init__(self, s):
        super().__init__(s, s)
        self.name = "square"
class Circle(Shape):
    def __init__(self, r):
        Shape.__init__(self, "circle")
        self.r = r
    def area(self):
        return 3.14159 * self.r ** 2
for s in [Shape("blob"), Rect(2, 3), Square(4), Circle(1)]:
    print(s.describe())
sq = Square(2)
print(isinstance(sq, Rect), isinstance(sq, Shape), isinstance(sq, Circle))
print(issubclass(Square, Shape), issubclass(Shape, Square))
print(Square.__mro__[1].__name__, Square.__name__)
