# type(), isinstance with tuples, type names
values = [1, 1.0, True, "s", None, [1], (1,), {1: 2}, {1}, range(1), len, print]
for v in values:
    print(type(v).__name__, end=" ")
print()
print(isinstance(1, int), isinstance(True, int), isinstance(1, float), isinstance(1.0, (int, float)))
print(isinstance("x", str), isinstance([], (tuple, list)), isinstance(None, type(None)))
print(type(1) is int, type(True) is bool, type(1) == type(2), type([]) is list)
print(type(3)(4.7), type("x")(5), type([1])("ab"))
class A:
    pass
class B(A):
    pass
b = B()
print(type(b).__name__, isinstance(b, A), type(b) is A, issubclass(B, A), issubclass(bool, int))
print(type(type(1)).__name__, isinstance(int, type))
print(int, float, str, A.__name__)
