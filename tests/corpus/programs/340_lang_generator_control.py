# Generator functions: finally on exhaustion, bare and parenthesized yield, batching, early return, recursion
from itertools import count
def gen_with_try():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")
for v in gen_with_try():
    print("got", v)
def bare():
    x = yield
    print("x is", x)
    yield
g = bare()
print(next(g), next(g))
def batches(data, size):
    batch = []
    for item in data:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch
print([b for b in batches(range(7), 3)], dict(zip("abc", count())))
def failing():
    yield 1
    raise ValueError("boom in generator")
try:
    for v in failing():
        print(v)
except ValueError as e:
    print("caught", e)
def early(n):
    for i in range(n):
        if i == 2:
            return
        yield i
print(list(early(5)), list(early(1)), any(x > 3 for x in count()))
class Tree:
    def __init__(self, v, kids=()):
        self.v, self.kids = v, kids
    def walk(self):
        yield self.v
        for k in self.kids:
            yield from k.walk()
print(list(Tree(1, [Tree(2, [Tree(3)]), Tree(4)]).walk()))

def pairs():
    x = (yield 1)
    y = [(yield 2)]
    print(x, y)
    yield
print(list(pairs()), repr(pairs())[:26], repr(x for x in [])[:30])
