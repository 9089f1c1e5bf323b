# Unicode text: accents, CJK, emoji; len, slicing, iteration, case mapping and formatting widths
words = ["café", "naïve", "日本語", "Ωmega", "😀smile", "straße"]
for w in words:
    print(w, len(w), w[0], w[-1], w[::-1], w.upper(), w.lower(), w.isalpha())
print([len(c) for c in "a😀b"], list("x😀"), "😀" in "a😀b", "a😀b".index("b"))
print(f"[{'日本':>6}] [{'😀':^5}] [{'é':*<4}]", "%-6s|" % "😀x")
print(sorted(["é", "e", "z", "É", "😀", "日"]), max("abc😀"), min("日本"))
print("😀😁😂"[1], "😀😁😂"[1:], len("😀😁😂"))
print(ord("😀"), chr(0x1F601), "\U0001F602".isprintable(), "é".isalnum())
print("Ünïcödé".casefold(), "ǅ".upper(), "ǅ".lower(), "ﬁ".upper(), len("ﬁ".upper()))
print(repr("tab\t😀\u200b"), ascii("😀"), "😀".center(5, "-"), "😀x".zfill(5))
counts = {}
for ch in "héllo wörld 😀😀":
    counts[ch] = counts.get(ch, 0) + 1
print(sorted(counts.items())[:5], counts["😀"])
