# dict insertion order survives updates; deletion and re-insertion moves a key to the end
d = {}
for k in "banana":
    d[k] = d.get(k, 0) + 1
print(d, list(d))
d["b"] = 100
print(d)
del d["b"]
d["b"] = 1
print(d)
d.update(n=0, z=26)
print(list(d.items()))
print(d.pop("a"), d, d.pop("missing", None))
try:
    d.pop("missing")
except KeyError as e:
    print("KeyError:", e)
print(dict.fromkeys(["x", "y"]), dict.fromkeys("ab", [0]))
e = {1: "a", 2: "b"}
f = {2: "b", 1: "a"}
print(e == f, list(e) == list(f), {**e, **f}, e | {3: "c"})
g = e.copy()
g |= {1: "z"}
print(g, e)
