# Strings with characters outside the BMP: every index, length and width counts code points
s = "a😀b😁c😂d"
print(len(s), s[1], s[-2], s[1:4], s[::2], s[::-1], s[-3:], s[5:1:-2], repr(s[7:]))
print([c for c in s], list(enumerate(s))[:3], "".join(reversed(s)))
print(s.find("b"), s.find("😂"), s.rfind("😀"), s.index("c"), s.rindex("d"), s.find("b", 3), s.find("x"))
print(s.count("😀"), s.count(""), s.count("", 2, 5), s.startswith("😀", 1), s.endswith("😂", 0, 6), s.find("c", -3))
print(s.center(11, "*"), s.ljust(9, "😀"), s.rjust(10), "😀".zfill(3), "-😀".zfill(4))
print(f"[{s:>10}] [{s:.3}] [{'😀':😀^5}]", "%5s|%-5s|%.2s" % ("😀", "😀", "😀😁😂"))
print(s.split("😁"), s.partition("😁"), s.upper(), s.replace("😀", "xy"), "😀" * 3)
print(ord("😁"), chr(128513) == "😁", sorted("😀a😁"), max("z😀"), min("😀😁"))
words = ["😀" * i + "x" for i in range(4)]
print([len(w) for w in words], [w[-1] for w in words], [w[i] for i, w in enumerate(words) if i])
big = "x" * 1000 + "😀" + "y" * 1000
print(len(big), big[1000], big[999:1002], big.index("y"), big[-1], len(big[500:1500]))
total = 0
for i in range(len(big)):
    if big[i] == "y":
        total += i
print(total)
try:
    s[9]
except IndexError as e:
    print("IndexError:", e)
print(ord("😀x"[0]), len("\U0001F600\u0301"), "e\u0301" == "é")
try:
    ord("😀x")
except TypeError as e:
    print("TypeError:", e)
table = str.maketrans("😀a", "x😁", "d")
print(s.translate(table), table, "😀\tb\t😁c".expandtabs(4))
