# Unhashable keys: list in a set / dict key
seen = set()
for item in [(1, 2), "s", 3]:
    seen.add(item)
print(len(seen))
try:
    {[1]: 2}
except TypeError as e:
    print("caught:", e)
groups = {}
key = ["a", "b"]
groups[tuple(key)] = 1
print(groups)
groups[key] = 2
