# Attribute assignment on instances and classes
class Box:
    count = 0
    def __init__(self, w):
        self.w = w
        Box.count += 1
b1 = Box(3)
b2 = Box(4)
b1.h = 10
print(b1.w, b1.h, b2.w, Box.count)
b2.count = 100
print(Box.count, b1.count, b2.count)
Box.count = 7
print(b1.count, b2.count)
del b2.count
print(b2.count)
print(hasattr(b1, "h"), hasattr(b2, "h"))
setattr(b2, "h", 5)
print(getattr(b2, "h"), getattr(b2, "missing", "default"))
del b1.h
print(hasattr(b1, "h"))
