# Strings order by code point: astral characters (emoji) sort after U+E000..U+FFFF
a, b, c = "\ue000", "\U0001F600", "\uffff"
print(a < b, a <= b, a > b, a >= b, b > c, c < b, b == b, (a, 1) < (b, 0), [b] > [c])
print(a.__lt__(b), b.__gt__(a), a.__ge__(b), b.__le__(a), "x" < "x😀", "x\uffff" < "x😀")
labels = ["z", b, a, "a" + b, "a" + a, c, "", "é", "中", "\U0010FFFF", "😀😀", "😀\ue000"]
print([hex(ord(s[-1])) if s else "-" for s in sorted(labels)])
print(sorted(labels, reverse=True) == sorted(labels)[::-1], min(labels) == "", max(labels) == "\U0010FFFF")
print(sorted(labels, key=lambda s: s[-1:], reverse=True).index(a))
ys = list(labels)
ys.sort(key=lambda s: (len(s), s))
print([[hex(ord(ch)) for ch in s] for s in ys[:6]])
print(hex(ord(max("a" + a + b + c))), hex(ord(min(b + c, key=ord))), max(labels, key=len))
print(sorted("😀\ue000a\uffff😁") , sorted({b: 1, a: 2, "k": 3}.items()))
import operator
import functools
print(operator.lt(a, b), operator.ge(c, b), functools.cmp_to_key(lambda x, y: (x > y) - (x < y))(a) < functools.cmp_to_key(lambda x, y: (x > y) - (x < y))(b))
print(sorted(["😀 tile", "\ue000 tile", "tile"], key=str.lower), "\U0001F600" > "\uFB01", "\u00ff" < "\u0100")
ranked = {f"{ch}{i}": i for i, ch in enumerate("😀\ue000\u4e2da")}
print(sorted(ranked), sorted(ranked, key=ranked.get), min(ranked), max(ranked))
try:
    sorted([("tile", 1), (2, "tile")])
except TypeError as e:
    print("TypeError:", e, "\ue000" < "😀", sorted([("b", "\ue000"), ("b", "😀"), ("a", "z")]))
