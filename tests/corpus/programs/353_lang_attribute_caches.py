# Attribute access sites stay correct when the types they see change: several classes through one
# site, methods replaced or added after a site ran, instance attributes shadowing methods,
# properties and __setattr__ added to a class later, and class attributes read through instances.
class A:
    kind = "a"
    def __init__(self, v):
        self.v = v
    def show(self):
        return f"A({self.v})"

class B(A):
    kind = "b"
    def show(self):
        return f"B({self.v})"

class C:
    __slots__ = ()
    kind = "c"
    def show(self):
        return "C"

def describe(o):
    return o.kind + ":" + o.show()

objs = [A(1), B(2), C(), A(3), B(4)]
print([describe(o) for o in objs])

# A method replaced on the class after the call site cached it.
def loud(self):
    return f"LOUD {self.v}"
A.show = loud
print([describe(o) for o in objs])

# An instance attribute shadowing a method for one object only.
a = A(5)
a.show = lambda: "instance attribute"
print(describe(a), describe(A(6)))

