# Sorting with key functions that raise, reverse stability, sorting dicts/tuples with None
data = [("b", 2), ("a", 2), ("c", 1), ("d", None)]
print(sorted(data[:3], key=lambda t: t[1]), sorted(data[:3], key=lambda t: t[1], reverse=True))
try:
    sorted(data, key=lambda t: t[1])
except TypeError as e:
    print("TypeError:", e)
def failing_key(t):
    if t[0] == "c":
        raise ValueError("bad record " + t[0])
    return t[0]
items = list(data)
try:
    items.sort(key=failing_key)
except ValueError as e:
    print("ValueError:", e, "| list unchanged:", items == data)
print(sorted([[3, "x"], [1, "y"], [3, "a"]]), sorted({"b": 1, "a": 2}.items(), key=lambda kv: kv[1]))
print(sorted([True, False, 2, -1.5, 0]), sorted("Mixed Case Words".split(), key=str.casefold))
print(sorted(range(10), key=lambda v: (v % 3, -v)), sorted([0.1, -0.0, 0.0, -0.1]))
print(max([], default="empty"), min([[2], [1, 5], [1]]), sorted([(1, "b"), (1, "a")], key=lambda p: p[0]))
