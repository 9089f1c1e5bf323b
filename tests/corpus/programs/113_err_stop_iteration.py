# Uncaught StopIteration from next() on an exhausted iterator
it = iter([1, 2])
print(next(it))
print(next(it))
print(next(it, "default"))
def take(iterator, n):
    return [next(iterator) for _ in range(n)]
print(take(iter(range(10)), 3))
gen = iter("ab")
print(take(gen, 2))
print(next(gen))
