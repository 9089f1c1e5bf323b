# range objects: iteration, indexing, membership, len
r = range(10)
print(list(r), len(r), r[3], r[-1])
print(list(range(2, 11, 3)), list(range(10, 0, -2)), list(range(5, 0)))
print(len(range(0, 100, 7)), 49 in range(0, 100, 7), 50 in range(0, 100, 7))
print(range(3), range(1, 5), range(0, 10, 2))
print(sum(range(101)), max(range(7)), list(reversed(range(4))))
print(range(0, 10, 3).index(9), range(5).count(2))
for i in range(3, 0, -1):
    print("countdown", i)
print(list(range(-3, 3)), range(5) == range(0, 5), bool(range(0)))
n = 130
tiles = [(i * 128, min((i + 1) * 128, n)) for i in range((n + 127) // 128)]
print(tiles)
