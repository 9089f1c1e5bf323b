# IntEnum members are ints: arithmetic, comparison, hashing, indexing and formatting use the value,
# while repr stays the enum's.
import enum


class Level(enum.IntEnum):
    LOW = 1
    MID = enum.auto()
    HIGH = 4

    def doubled(self):
        return self * 2


class Color(enum.Enum):
    RED = 1


L = Level.HIGH
print(isinstance(L, int), issubclass(Level, int), isinstance(Color.RED, int))
print([c.__name__ for c in Level.__mro__])
print(L + 1, 1 + L, L + L, L - Level.LOW, L * 3, L / 8, L // 3, L % 3, 2 ** L, L ** 2)
print(-L, +L, abs(L), ~L, L << 1, L >> 1, L & 5, L | 1, L ^ 1, divmod(L, 3), divmod(9, L))
print(L == 4, 4 == L, L != 4, L < 5, 3 < L, Level.LOW < Level.MID, max(Level.LOW, 0), min(Level))
print(hash(L) == hash(4), {4: "four"}[L], {L: "x"}[4], L in {4}, 4 in {L: 1}, Level.MID.value)
print(int(L), float(L), round(L), bool(Level.LOW), bin(L), hex(L), [0, 1, 2, 3, 4][L], list(range(L)))
print(str(L), repr(L), f"{L}", f"{L:03d}", format(L, "x"), "%d|%s|%r" % (L, L, L), "{}".format(L))
print(L.bit_length(), L.real, L.numerator, L.denominator, L.as_integer_ratio())
print(sum(Level), sorted([3, Level.HIGH, Level.LOW]), Level.MID.doubled(), type(L + 1).__name__)
print(Level(4) is L, Level["MID"], list(Level), len(Level), True + Level.LOW)
try:
    Level(3)
except ValueError as e:
    print("ValueError:", e)
