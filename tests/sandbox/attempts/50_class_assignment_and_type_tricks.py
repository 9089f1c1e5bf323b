# expect: any
# Reassigning __class__, three-argument type(), and metaclass calls stay in Python.
class A:
    pass
a = A()
try:
    a.__class__ = int
except TypeError as e:
    print("TypeError", e)
B = type("B", (A,), {"v": 1})
print(B().v, B.__name__, isinstance(B(), A))
print(type(type), type.__name__)
