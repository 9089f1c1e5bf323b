# list, tuple, dict, set, str, int, float, bool constructors
print(list(), tuple(), dict(), set(), str(), int(), float(), bool())
print(list("ab"), list((1, 2)), list({3: 4}), list(range(2)), list(x for x in "hi"))
print(tuple([1, 2]), tuple("xy"), tuple({5}))
print(dict([("a", 1), ("b", 2)]), dict(x=1), dict({"k": 1}, j=2), dict(zip("ab", "cd")))
print(sorted(set([3, 3, 1])), sorted(set("aab")), set())
print(str([1, "a"]), str((1.5,)), str({"k": None}), str(3))
print(int("10"), int(10.9), int("-0"), float("1e2"), float(3), float("-inf"))
print(bool([]), bool([0]), bool("False"))
nested = [[1, 2], [3]]
shallow = list(nested)
shallow[0].append(99)
print(nested, shallow is nested)
print(list(map(int, "123")), [int(c) * 2 for c in "45"])
