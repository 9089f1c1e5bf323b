# dict views, their repr, set operations on keys, and live updates
d = {"a": 1, "b": 2}
k, v, it = d.keys(), d.values(), d.items()
print(k, v, it)
d["c"] = 3
print(k, len(v), list(it)[-1])
print(sorted(k & {"a", "z"}), sorted(k | {"z"}), sorted(k - {"a"}), "a" in k, ("b", 2) in it, 3 in v)
print(list(reversed(d)), list(reversed(d.values())))
print(sorted(d.items(), key=lambda kv: -kv[1]))
e = dict(d)
del e["a"]
print(d == e, d.keys() == {"a", "b", "c"}, e)
print(type(k).__name__, type(v).__name__, type(it).__name__)
for key in list(d):
    if d[key] % 2:
        del d[key]
print(d)
