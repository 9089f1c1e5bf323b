# Dict operations and methods
d = {"a": 1, "b": 2}
d["c"] = 3
print(d, len(d), d["a"], d.get("z"), d.get("z", 0))
print(list(d.keys()), list(d.values()), list(d.items()))
print(d.pop("b"), d.pop("zz", "none"), d)
d.update({"x": 10}, y=20)
print(d)
print(d.setdefault("a", 100), d.setdefault("new", []), d)
print(d.popitem(), d)
counts = {}
for ch in "abracadabra":
    counts[ch] = counts.get(ch, 0) + 1
print(counts)
print(sorted(counts, key=counts.get, reverse=True))
print(dict(a=1, b=2), dict([("k", "v")]), dict.fromkeys("ab", 0))
print("a" in d, "q" not in d)
merged = {**d, "a": -1}
print(merged)
copy = d.copy()
copy.clear()
print(copy, len(d) > 0)
for k, v in {"x": 1, "y": 2}.items():
    print(k, "=>", v)
print({1: "int", 1.0: "float", True: "bool"})
