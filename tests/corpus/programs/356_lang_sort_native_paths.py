# The native sort paths for many ints and strs: already sorted, narrow ranges (counted), int32,
# beyond int32, sort keys returning strs, reverse stability, and strs sharing long prefixes.
import random
random.seed(11)
n = 3000
asc = list(range(-5, n))
print(sorted(asc) == asc, sorted(asc, reverse=True)[:3])
narrow = [random.randint(-50, 50) for _ in range(n)]
wide = [random.randint(-2**31, 2**31 - 1) for _ in range(n)]
huge = [random.randint(-2**52, 2**52) for _ in range(n)]
for data in (narrow, wide, huge):
    s = sorted(data)
    print(s[:3], s[-2:], all(s[i] <= s[i + 1] for i in range(n - 1)), sorted(data, reverse=True) == s[::-1])
big = [10**20, 5, -3] + narrow
print(sorted(big)[:2], sorted(big)[-1])

words = [f"tile_{(i * 7919) % 10007:05d}" for i in range(n)]
s = sorted(words)
print(s[:3], s[-1], s == sorted(words, key=lambda w: w))
mixed = [w[: random.randint(0, 12)] + random.choice(["", "\0", "é", "中", "z"]) for w in words]
print(sorted(mixed)[:4], sorted(mixed, reverse=True)[:2])

# Keys: stable among equal keys, ascending and descending.
pairs = [(w[-2:], i) for i, w in enumerate(words)]
by_key = sorted(pairs, key=lambda p: p[0])
print(by_key[:4])
print(all(by_key[i][1] < by_key[i + 1][1] for i in range(n - 1) if by_key[i][0] == by_key[i + 1][0]))
desc = sorted(pairs, key=lambda p: p[0], reverse=True)
print(desc[:4])
print(all(desc[i][1] < desc[i + 1][1] for i in range(n - 1) if desc[i][0] == desc[i + 1][0]))
items = [random.choice(["psum", "sbuf", "hbm", "dma"]) for _ in range(n)]
items.sort()
print(items[0], items[-1], items.count("hbm"), items.index("psum"))
