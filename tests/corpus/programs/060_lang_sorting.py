# sorted/sort with keys, reverse, stability, tuples
people = [("ann", 31), ("bob", 25), ("cy", 31), ("dee", 22)]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: (-p[1], p[0])))
print(sorted(people, key=lambda p: p[1], reverse=True))
nums = [5, -3, 2, -8, 0]
print(sorted(nums), sorted(nums, key=abs), sorted(nums, reverse=True))
nums.sort(key=lambda v: v % 3)
print(nums)
print(sorted("Hello World"), sorted(["b", "A", "a", "B"]))
print(sorted([[2, 1], [1, 2], [1, 1]]), sorted({3: "c", 1: "a"}))
print(sorted([0.5, 1, True, -2.5]))
records = [{"n": "x", "v": 3}, {"n": "y", "v": 1}]
print([r["n"] for r in sorted(records, key=lambda r: r["v"])])
