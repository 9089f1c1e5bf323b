# strip/lstrip/rstrip, center/ljust/rjust, zfill, expandtabs
s = "  \t padded \n "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print("xxhixx".strip("x"), "abcba".strip("ab"), "www.site.com".lstrip("w."), "file.txt".rstrip(".txt"))
print("[" + "mid".center(9) + "]", "[" + "mid".center(8, "*") + "]", "[" + "l".ljust(4, ".") + "]", "[" + "r".rjust(4) + "]")
print("42".zfill(5), "-42".zfill(5), "+7".zfill(4), "abc".zfill(2))
print("a\tb\tc".expandtabs(4), "x".center(0))
print("prefix_name".removeprefix("prefix_"), "name.py".removesuffix(".py"), "keep".removeprefix("x"))
table = [("tile", 128), ("psum", 2048), ("sbuf", 24)]
for name, size in table:
    print(name.ljust(6) + str(size).rjust(6))
