# None and Ellipsis singletons
def nothing():
    pass
print(nothing(), nothing() is None, type(None).__name__)
print(repr(None), str(None), None == None, None == 0, bool(None))
x = ...
print(x, x is Ellipsis, repr(...), type(...).__name__)
def stub():
    ...
print(stub())
result = None
for v in [3, 1, 2]:
    if result is None or v < result:
        result = v
print(result)
print([None] * 3, {None: "none key"}[None])
print(sorted([3, 1], key=None), max([1, 2], default=None), max([], default=None))
