# find, rfind, index, rindex, count, startswith, endswith, in
s = "the kernel runs the tile loop"
print(s.find("the"), s.find("the", 1), s.rfind("the"), s.find("zzz"), s.find(""))
print(s.index("kernel"), s.rindex("t"), s.count("the"), s.count("e"), s.count(""))
print(s.startswith("the"), s.startswith(("a", "the")), s.endswith("loop"), s.endswith("oo", 0, -1))
print(s.startswith("kernel", 4), "tile" in s, s.find("t", 5, 10))
try:
    s.index("missing")
except ValueError as e:
    print("ValueError:", e)
print("aaaa".count("aa"), "banana".replace("a", "o"), "banana".replace("a", "o", 2))
print("x.y.z".replace(".", ""), "abc".replace("", "-"))
