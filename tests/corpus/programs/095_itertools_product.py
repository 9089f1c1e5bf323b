# itertools.product with repeat and multiple iterables
from itertools import product
print(list(product("ab", [1, 2])))
print(list(product(range(2), repeat=3)))
print(len(list(product(range(3), range(4), range(5)))))
print(list(product([1, 2], "xy", [True])))
print(list(product()), list(product([], [1])))
for i, j in product(range(2), range(3)):
    print(i * 3 + j, end=" ")
print()
grid = [[r * 10 + c for c in range(3)] for r in range(2)]
print([grid[r][c] for r, c in product(range(2), range(3))])
tiles = list(product(range(0, 256, 128), range(0, 512, 256)))
print(tiles)
