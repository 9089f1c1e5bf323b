# iter and next with defaults; iterators are single-pass
it = iter([1, 2, 3])
print(next(it), next(it), next(it), next(it, "done"))
s = iter("ab")
print(list(s), list(s))
d = iter({"x": 1, "y": 2})
print(next(d), next(d))
r = iter(range(3))
print(sum(r), next(r, None))
it2 = iter([10, 20, 30])
for v in it2:
    if v == 10:
        print("skipping", next(it2))
    else:
        print("got", v)
print(iter(it2) is it2)
try:
    next(iter([]))
except StopIteration as e:
    print("StopIteration", repr(e))
