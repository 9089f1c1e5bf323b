# Enum classes have EnumType as their metaclass; plain classes keep `type`, which is not iterable.
import enum


class Color(enum.Enum):
    RED = 1
    GREEN = 2


class Level(enum.IntEnum):
    LOW = 10
    HIGH = 20


class Plain:
    pass


print(type(Color), type(Level), type(Plain), type(int))
print(isinstance(Color, type), type(Color).__name__)
print(hasattr(int, "__iter__"), hasattr(Plain, "__iter__"), hasattr(Color, "__iter__"))
print(list(Color), [m.value for m in Level], Color.GREEN in Color, len(Level))
print(sorted(Level, key=lambda m: -m.value))

for cls in (int, Plain):
    try:
        iter(cls)
    except TypeError as e:
        print("TypeError:", e)
    try:
        print(1 in cls)
    except TypeError as e:
        print("TypeError:", e)

list(Plain)
