# str case mapping and case tests as CPython 3.11 (Unicode 14) gives them: titlecase digraphs and
# ligatures, final sigma in lower/title/capitalize/swapcase, full case folding, and a checksum of
# every method over the ranges where JavaScript's newer Unicode data differs.
samples = ["ß", "straße", "ǆemal ǉubljana", "ﬁne ﬂow", "ΟΔΟΣ ΣΟΦΟΣ", "ᾳ ᾀ", "İstanbul", "ı", "ƛ ɤ",
           "Ꭰ ꭰ", "ǅ", "և", "ŉ", "MIXED case Ωmega", "ꞔ", "ʂ", "ᲀ", "ﬃ", "ﬅ", "σς", "ΑΣ ΑΣΑ", "Σ.Α", "ʕ", "ჼ"]
for t in samples:
    print(repr(t), repr(t.upper()), repr(t.lower()), repr(t.title()), repr(t.capitalize()), repr(t.casefold()),
          repr(t.swapcase()), t.isupper(), t.islower(), t.istitle())

def checksum(text):
    h = 0
    for ch in text:
        h = (h * 1000003 + ord(ch)) % 2147483647
    return h

ranges = [(0x100, 0x250), (0x250, 0x2b0), (0x370, 0x400), (0x530, 0x590), (0x10a0, 0x1100), (0x13a0, 0x1400),
          (0x1c80, 0x1cc0), (0x1d00, 0x1dc0), (0x1e00, 0x2000), (0x2c00, 0x2d30), (0xa640, 0xa800), (0xab30, 0xabc0),
          (0xfb00, 0xfb20), (0x10400, 0x10500), (0x10570, 0x105c0), (0x10c80, 0x10d00), (0x1e900, 0x1e950)]
for lo, hi in ranges:
    parts = []
    for cp in range(lo, hi):
        c = chr(cp)
        parts.append(c.upper() + c.lower() + c.title() + c.casefold() + c.swapcase() + c.capitalize())
        parts.append("UL"[c.isupper()] + "ul"[c.islower()] + "tT"[c.istitle()])
    print(hex(lo), checksum("".join(parts)))
