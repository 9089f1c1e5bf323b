# Uncaught KeyError with a tuple key
cache = {(0, 0): "origin", (1, 0): "right"}
print(cache[(0, 0)])
try:
    cache["missing"]
except KeyError as e:
    print("caught:", e, repr(e))
print(cache.get((5, 5), "default"))
for key in [(1, 0), (0, 1)]:
    print(key, cache[key])
print("unreachable")
