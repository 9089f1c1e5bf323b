# Error raised inside a comprehension and inside a lambda
values = ["1", "2", "x", "4"]
good = [int(v) for v in values if v.isdigit()]
print(good)
convert = lambda s: float(s)
print([convert(v) for v in values[:2]])
try:
    [convert(v) for v in values]
except ValueError as e:
    print("caught:", e)
lookup = {"a": 1}
print({k: lookup[k] for k in "a"})
print({k: lookup[k] for k in "ab"})
