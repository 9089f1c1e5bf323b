# __eq__/__hash__ in sets and dicts, __contains__, __iter__, __len__/__bool__ fallback, __call__, __getitem__ with slices
class Key:
    def __init__(self, k):
        self.k = k
    def __eq__(self, other):
        return isinstance(other, Key) and self.k.lower() == other.k.lower()
    def __hash__(self):
        return hash(self.k.lower())
    def __repr__(self):
        return f"Key({self.k!r})"
s = {Key("A"), Key("a"), Key("b")}
print(len(s), Key("B") in s, {Key("x"): 1}[Key("X")])
class Seq:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
    def __getitem__(self, i):
        if isinstance(i, slice):
            return list(range(self.n))[i]
        if i >= self.n:
            raise IndexError("out of range")
        return i * i
q = Seq(5)
print(len(q), bool(Seq(0)), q[2], q[1:4], q[::-2], list(q), 9 in q, sorted(q, reverse=True))
class Poly:
    def __init__(self, *c):
        self.c = c
    def __call__(self, x):
        return sum(a * x ** i for i, a in enumerate(self.c))
print(Poly(1, 2, 3)(2), list(map(Poly(0, 1), [5, 6])))
