# Comprehensions from host code: nested, filtered, dict/set comps, generators in sum/any/all, walrus
shapes = {"q": (128, 64), "k": (128, 2048), "v": (128, 2048), "mask": (1, 2048)}
sizes = {name: r * c for name, (r, c) in shapes.items()}
print(sizes)
big = [name for name, n in sizes.items() if n > 10_000]
print(big, {r for r, _ in shapes.values()}, sorted({c % 1000 for _, c in shapes.values()}))
grid = [[i * 4 + j for j in range(4)] for i in range(3)]
print(grid, [row[::-1] for row in grid], [x for row in grid for x in row if x % 5 == 0])
transposed = [list(col) for col in zip(*grid)]
print(transposed, [sum(col) for col in zip(*grid)])
print(sum(r * c for r, c in shapes.values()), any(c > 4096 for _, c in shapes.values()), all(r == 128 for r, _ in shapes.values()))
lookup = {v: k for k, v in enumerate(["pe", "act", "dve", "pool"])}
print(lookup, {k: v for k, v in sorted(lookup.items(), key=lambda kv: kv[1], reverse=True)})
pairs = [(a, b) for a in range(3) for b in range(a)]
print(pairs, len(pairs), [a + b if a > b else -1 for a, b in pairs])
values = [3, 8, 1, 9, 4]
if (n := len(values)) > 3:
    print("n =", n, [y for x in values if (y := x * 2) > 6])
gen = (x * x for x in range(5))
print(next(gen), list(gen), list(gen))
print(max((len(name), name) for name in shapes), min(shapes, key=lambda k: sizes[k]))
matrix = {(i, j): i * j for i in range(3) for j in range(3) if i != j}
print(matrix, sum(matrix.values()), [k for k in matrix if k[0] < k[1]])
flat = [item for sub in [[1, 2], [], [3], [4, 5, 6]] for item in sub]
print(flat, list(map(lambda t: t[0] * t[1], zip(flat, flat[1:]))), list(filter(None, [0, 1, "", "a", None])))
