# sorted and reversed on various iterables
print(sorted([3, 1, 2]), sorted("cab"), sorted((9, 8)), sorted({"b": 1, "a": 2}))
print(sorted({5, 1, 3}), sorted(range(5, 0, -1)))
print(sorted(["bb", "a", "ccc"], key=len, reverse=True))
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed(range(4))))
print(list(reversed((1, 2))), tuple(reversed([[1], [2]])))
r = reversed([1, 2, 3])
print(next(r), list(r))
data = [3, 1, 2]
out = sorted(data)
print(data, out, out is data)
print(sorted([-1.5, 2, -3], key=abs))
