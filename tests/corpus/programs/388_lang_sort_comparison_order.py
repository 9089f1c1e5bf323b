# sorted/list.sort of fewer than 64 items compare the same pairs in the same order as CPython's
# timsort (a natural run, then binary insertion; reverse=True reverses around a stable sort), so
# __lt__ side effects and mixed-type TypeErrors match.
class K:
    def __init__(self, v): self.v = v
    def __lt__(self, o):
        print("lt", self.v, o.v)
        return self.v < o.v
    def __repr__(self): return f"K{self.v}"
print(sorted([K(3), K(1), K(2), K(5), K(4)]))
print(sorted([K(3), K(1), K(2)], reverse=True))
print(sorted([(1, 'b'), (1, 'a'), (0, 'z')]), sorted([3, 1.5, True, -2]), sorted([[2], [1, 5], []]))
for bad in ([1, 'a'], ['b', 1, 'a'], [2.5, 'a', 1], [None, 1]):
    try:
        sorted(bad)
    except TypeError as e:
        print(e)
    try:
        sorted(bad, reverse=True)
    except TypeError as e:
        print(e)
x = [5, 3, 'q']
try:
    x.sort()
except TypeError as e:
    print(e, x)
