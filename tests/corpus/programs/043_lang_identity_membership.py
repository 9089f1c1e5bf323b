# is / is not / in / not in across containers
a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a == c, a is not c)
print(None is None, type(None).__name__)
print(3 in [1, 2, 3], 3 not in (1, 2), "ell" in "hello", "" in "abc")
print("k" in {"k": 1}, 1 in {"k": 1}, 2 in {1, 2}, 5 in range(0, 10, 5))
print(1.0 in [1], True in [1], [1] in [[1], 2])
class Eq:
    def __eq__(self, other):
        return True
print(Eq() in [1], 7 in [Eq()])
x = ()
print(x is (), [] == [], {} == {})
print(0.5 in range(3), 2 in range(3))
