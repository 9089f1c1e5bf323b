# User-defined iterators with __iter__/__next__ and StopIteration
class Countdown:
    def __init__(self, start):
        self.n = start
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1
print(list(Countdown(5)))
for v in Countdown(3):
    print("tick", v)
class Range2:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return iter(range(0, self.n, 2))
print(list(Range2(9)), sum(Range2(9)), 4 in Range2(9))
it = iter([10, 20])
print(next(it), next(it), next(it, "exhausted"))
try:
    next(it)
except StopIteration:
    print("StopIteration raised")
print(list(zip(Countdown(3), Range2(10))))
