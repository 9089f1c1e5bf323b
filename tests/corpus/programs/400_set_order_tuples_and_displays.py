# Set iteration order as CPython's hash table gives it: tuples hash by CPython's xxHash-based algorithm, numpy scalars as their numbers, and a display of 3+ constants is copied from a frozenset
import numpy as np

print(hash((1, 2)), (1, 2).__hash__(), hash(((1, 2), 3)), hash(()), hash((1.5, -1, True)), hash((2**70, 3)), hash((0.1,)))
visited = {(r, c) for r in range(4) for c in range(4) if (r + c) % 2}
print(visited)
s = {(1, 2), (3, 4), (0, 0), (2, 1), (5, -1)}
print(s, {(2, 2), 3, 2}, {(0, 1), (1, 0), (1, 1)})
grid = set()
for r in range(3):
    for c in range(3):
        grid.add((r * 7 % 5, c * 3 % 4))
print(grid, len(grid))
# Displays of constants (CPython folds them into a frozenset) and of variables (added in order).
print({3, 11, 1.5}, {1.5, 3, 11}, {11, 3, 19, 27}, {0.5, 8, 16}, {3, 11}, {-1, -9, 7, 15, 23, 31})
x = 11
print({3, x, 1.5}, {x, 3, 19, 27})
print({1.5, (1, 2), 3}, {(-1,), (7, 7), 15, -(2**62), 2**61 - 1, 1e20})
t = {3, 11, 19}
t.add(27)
t.add(35)
print(t)
a = np.array([0, 1, -1, 7, 15])
u = set()
u.add(np.int64(7))
u.add(np.int64(-1))
print(u, set(a), set(np.array([3.0, -0.5, 11.0], dtype=np.float32)), {(np.int64(1), 2), (3, 4), (0, 0)})
# frozensets hash by CPython's algorithm, and a __hash__ result that fits 64 bits is kept as it is.
print(hash(frozenset()), hash(frozenset({1, 2})), hash(frozenset({0.5, (1, 2), 7})), hash(frozenset(range(100))))
print({frozenset({1, 2}), frozenset({3})}, {frozenset({i, i + 1}) for i in range(6)})
print({frozenset(), frozenset({frozenset({1})}), (frozenset({9}), 1)})


class P:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __hash__(self):
        return hash((self.x, self.y))

    def __eq__(self, other):
        return (self.x, self.y) == (other.x, other.y)


class Big:
    def __hash__(self):
        return 2**70


class Wide:
    def __hash__(self):
        return 2**62 + 12345


print(hash(P(1, 2)) == hash((1, 2)), hash(Big()), hash(Wide()), len({P(1, 2), P(1, 2)}))
