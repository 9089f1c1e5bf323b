# min, max, sum with keys, defaults and start values
print(min(3, 1, 2), max(3, 1, 2), min([4, 5]), max("hello"))
print(min([], default="empty"), max((), default=0))
print(max(["apple", "fig", "banana"], key=len), min([(2, "b"), (1, "z")]))
print(max([1, 5, 3], key=lambda x: -x), min("bca", key=ord))
print(sum([1, 2, 3]), sum([1, 2, 3], 10), sum([0.1] * 10), sum([]), sum(range(101)))
print(sum([[1], [2, 3]], []), sum((0.5, 0.25)), sum([True, True]))
print(max(1, 2.5), min(-1, -1.0), max([1, 1.0]), type(max(1, 1.0)).__name__)
for bad in [lambda: min([]), lambda: max()]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
scores = {"a": 3, "b": 9, "c": 5}
print(max(scores, key=scores.get), min(scores.values()), sum(scores.values()))
