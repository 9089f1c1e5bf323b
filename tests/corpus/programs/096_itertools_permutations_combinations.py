# itertools.permutations and combinations
from itertools import permutations, combinations
print(list(permutations([1, 2, 3])))
print(list(permutations("abc", 2)))
print(len(list(permutations(range(5)))), len(list(permutations(range(5), 3))))
print(list(combinations("abcd", 2)))
print(list(combinations(range(5), 3)))
print(list(combinations([1, 2], 3)), list(combinations([1, 2], 0)), list(permutations([], 0)))
best = max(permutations([3, 1, 2]), key=lambda p: p[0] * 100 + p[1] * 10 + p[2])
print(best)
pairs = [(a, b) for a, b in combinations([4, 7, 1, 9], 2) if a + b > 10]
print(pairs)
