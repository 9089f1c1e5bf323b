# Sorting lists of small ints (a native fast path): order, reverse, in-place, and ints computed as -0 in JS.
import random
random.seed(7)
a = [random.randint(-1000, 1000) for _ in range(5000)]
s = sorted(a); r = sorted(a, reverse=True)
print(s[:8], s[-3:], r[:5], sum(i * v for i, v in enumerate(s)), sum(i * v for i, v in enumerate(r)))
a.sort(reverse=True); print(a[:4], a == r)
x = [0 * -1, 3, 0]
print(sorted(x), [str(v) for v in sorted(x, reverse=True)])
words = sorted(["b", "a"]) + [str(v) for v in sorted([2, 1])]
print(words, sorted([1, 10**20, -5]), sorted([3, 1.5, True]))
