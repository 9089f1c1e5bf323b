# The order sets built by copies, unions, intersections, differences, symmetric differences and updates iterate in, as CPython's setobject.c lays them out
a = set([40, 8, 16, 100, 24, 3, 11])
b = set([9, 17, 25, 8, 41, 3])
small = {16, 24}
print(a, b)
print(a | b, b | a, a.union(b), a.union([3, 11, 19, 27]), a.union({1: 0, 9: 0, 17: 0}))
print(a & b, b & a, a.intersection([24, 16, 8, 3]), a & small)
print(a - b, b - a, a - small, a.difference([100, 40]), a.difference({3: 1}))
print(set(a), a.copy(), frozenset(b), set(frozenset(a)), {*a, *b}, {0, *b, 5}, {*small})
c = set(a)
c |= b
print(c)
c.update([33, 41, 49], {57, 65})
print(c)
c &= {8, 16, 24, 33, 41, 49, 57, 65, 73}
print(c)
c -= {16, 33}
print(c)
d = set(range(0, 200, 8))
d -= {0, 8}
print(d)
e = {(r, c) for r in range(3) for c in range(3)}
print(e - {(1, 1)}, e & {(0, 0), (2, 2), (5, 5)}, e | {(9, 9)})
# Symmetric differences copy one side, then discard (leaving dummies) or add each key of the other.
a = set([3, 41, 40, 100, 8])
b = set([17, 100, 2, 40, 25, 41, 41, 9])
print(a ^ b, b ^ a, a.symmetric_difference(b))
a ^= b
print(a)
b ^= {1, 2, 3, 100}
print(b)
big = set(range(0, 300, 7))
big ^= set(range(0, 300, 11))
print(big)
# One-key changes: discard and remove leave dummies, pop walks from where the last pop stopped.
s = {5, 3, 1}
s.discard(3)
print(s)
t = set([9, 4, 7, 2, 40, 24, 56])
t.remove(4)
print(t, t.pop(), t)
t.add(4)
t.add(72)
print(t)
u = set(range(0, 64, 3))
while len(u) > 5:
    u.discard(u.pop() + 3)
print(u)
while u:
    print(u.pop(), end=" ")
print()
