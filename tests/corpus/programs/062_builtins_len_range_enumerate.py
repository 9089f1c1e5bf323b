# len, range, enumerate
print(len([1, 2, 3]), len("hello"), len({"a": 1}), len({1, 2}), len(()), len(range(10)))
for i, v in enumerate("abc"):
    print(i, v)
for i, v in enumerate(["x", "y"], start=10):
    print(i, v)
print(list(enumerate([5, 6], 1)))
e = enumerate("pq")
print(next(e), next(e))
print([i * v for i, v in enumerate(range(5))])
class Sized:
    def __len__(self):
        return 42
print(len(Sized()))
print(list(range(3, 9, 2)), len(range(-5, 5)))
