# Tuple operations
t = (1, "two", 3.0)
print(t, len(t), t[1], t[-1], t + (4,), t * 2)
single = (5,)
print(single, type(single).__name__, (5), ())
print(t.index("two"), (1, 1, 2).count(1))
a, b, c = t
print(a, b, c)
nested = ((1, 2), (3, 4))
print(nested[1][0], sum(x for pair in nested for x in pair))
print((1, 2) + (3,), tuple([1, 2]), tuple("ab"), tuple(range(3)))
print(max((1, 5), (2, 0)), sorted([(2, "b"), (1, "z"), (2, "a")]))
d = {(0, 1): "edge"}
print(d[(0, 1)], d[0, 1])
print(hash((1, 2)) == hash((1, 2)), (1, 2) == (1, 2), (1, 2) != (2, 1))
print(repr((1,)), str(("a", 'b"')))
