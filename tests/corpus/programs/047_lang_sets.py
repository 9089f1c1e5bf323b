# Set operations and methods
a = {1, 2, 3, 4}
b = {3, 4, 5}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b))
print(sorted(a.union(b)), sorted(a.intersection(b)), sorted(a.difference(b)))
print(sorted(a.symmetric_difference(b)))
s = set()
s.add(3)
s.add(3)
s.update([1, 2])
s.discard(10)
s.remove(1)
print(sorted(s), len(s), 2 in s)
print({1, 2} <= {1, 2, 3}, {1, 2}.issubset({1}), {1, 2, 3}.issuperset({2}))
print({1, 2}.isdisjoint({3}), set("hello") == {"h", "e", "l", "o"})
try:
    s.remove(99)
except KeyError as e:
    print("KeyError", e)
c = a.copy()
c -= {1}
c |= {9}
print(sorted(c), sorted(a))
print(sorted({x * x for x in range(-3, 4)}))
print(set(), len({(1, 2), (1, 2)}))
p = {5, 6}
print(p.pop() in (5, 6), len(p))
