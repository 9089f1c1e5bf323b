# Generator functions in host code: tiling helpers, infinite counters with islice, yield from
def tiles(n, tile):
    for start in range(0, n, tile):
        yield start, min(start + tile, n)
print(list(tiles(300, 128)), sum(b - a for a, b in tiles(1000, 128)))
def count():
    i = 0
    while True:
        yield i
        i += 1
c = count()
print(next(c), next(c), next(c), type(c).__name__)
def chain(*its):
    for it in its:
        yield from it
    return "done"
print(list(chain([1, 2], "ab", range(2))))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
import itertools
print(list(itertools.islice(fib(), 10)))
