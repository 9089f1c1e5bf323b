# A set looked up in a set (in, not in, discard, remove) is looked up as the equal frozenset, as in CPython;
# dicts still refuse sets as keys.
a = {1, 2}
s = {frozenset({1, 2}), 3}
print(a in s, {3} in s, a not in {1, 2}, {1} in {1})
s.discard({1, 2})
print(s)
try:
    s.remove({9})
except KeyError as e:
    print("KeyError", e)
try:
    print({1} in {})
except TypeError as e:
    print(e)
