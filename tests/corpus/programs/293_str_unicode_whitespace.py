# Which characters count as whitespace for split()/strip()/isspace() (Python's definition, not JavaScript's)
samples = ["\t", "\n", "\x0b", "\x0c", "\r", "\x1c", "\x1d", "\x1e", "\x1f", " ", "\x85", "\xa0", "\u1680", "\u2000",
           "\u2028", "\u2029", "\u202f", "\u205f", "\u3000", "\ufeff", "\u200b", "\u180e"]
for ch in samples:
    text = "a" + ch + "b"
    print(repr(ch), ch.isspace(), text.split(), repr((ch + "x" + ch).strip()), len(text.splitlines()))
print("x\x1cy\x1dz".split(), "p\x85q".splitlines(), "l1\x0bl2\x0cl3".splitlines())
print(repr(" \u3000 mid \xa0 ".strip()), repr("\ufeffbom".strip()), "a\u2003b".split(" "))
words = "one\u3000two\xa0three\tfour\x1ffive".split()
print(words, len(words), " ".join(words).title())
