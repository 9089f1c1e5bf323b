# repr vs str for builtin types and nested containers
values = ["text", 'it\'s', "a\nb", 1, 1.5, -0.0, None, True, [1, "a"], ("x",), {"k": "v"}, {1.5}, [], {}, ()]
for v in values:
    print(repr(v), "|", str(v))
print([["nested", ["deep"]], {"d": [1, (2, "3")]}])
print(repr("unicode é"), repr("\t\x00"), ascii("é"))
class P:
    def __repr__(self):
        return "P()"
print(P(), [P(), P()], str(P()), {"p": P()})
class Q:
    def __str__(self):
        return "Q-str"
q = Q()
print(q, str(q), repr(q).startswith("<__main__.Q object at"))
print(repr(1e16), repr(1e-5), repr(2 ** 64), repr(range(3)))
