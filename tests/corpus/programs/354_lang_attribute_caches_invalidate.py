# Attribute stores and loads stay correct when a class gains or loses a property, __setattr__ or
# class attribute after the access sites ran (the compiled code caches what each site saw).
class A:
    kind = "a"
    def __init__(self, v):
        self.v = v

class B(A):
    kind = "b"

objs = [A(1), B(2), A(3)]

# A property added to a base class after stores and loads of the same name ran.
def set_all(o, n):
    o.v = n
    return o.v
x = B(7)
print(set_all(x, 8), set_all(x, 9))
def get_v(self):
    return self.__dict__.get("v", 0) * 100
def put_v(self, n):
    self.__dict__["v"] = n + 1
A.v = property(get_v, put_v)
print(set_all(x, 10), set_all(A(0), 11))
del A.v
print(set_all(x, 12))

# __setattr__ added to a class after the store site ran, then removed.
log = []
def logging_setattr(self, name, value):
    log.append((name, value))
    object.__setattr__(self, name, value)
y = A(1)
print(set_all(y, 2))
A.__setattr__ = logging_setattr
print(set_all(y, 3), log)
del A.__setattr__
print(set_all(y, 4), log)

# Class attributes changed through the class are seen through instances.
print([o.kind for o in objs])
B.kind = "bee"
print([o.kind for o in objs])
del B.kind
print([o.kind for o in objs])

# The same site on a missing attribute raises, then succeeds once the attribute exists.
def maybe(o):
    try:
        return o.extra
    except AttributeError as e:
        return str(e)
print(maybe(A(1)))
A.extra = "added"
print(maybe(A(1)), maybe(B(1)))
