# str.isalpha/isdigit/isdecimal/isnumeric/isalnum/isspace/isprintable/isidentifier as CPython 3.11
# (Unicode 14) answers them: Numeric_Type for digits and numerics (superscripts, CJK numerals),
# XID_Start/XID_Continue for identifiers; a checksum per 4096-code-point block of the BMP and the
# astral ranges with letters and digits.
samples = ["abc", "a1", "²", "½", "一二三", "٣", "Ⅻ", "①", "x²", "_ok", "1st", "é", "a\u0301", "a·b", "ℕ", "\u00a0",
           "\u2028", "\t\n", "", "𝟘", "𐌀", "\u200b", "tab\there", "Ａｂｃ"]
for t in samples:
    print(repr(t), t.isalpha(), t.isdigit(), t.isdecimal(), t.isnumeric(), t.isalnum(), t.isspace(), t.isprintable(), t.isidentifier())

def checksum(bits):
    h = 0
    for i, b in enumerate(bits):
        if b:
            h = (h * 31 + i + 1) % 2147483647
    return h

def block(lo, hi):
    rows = []
    for cp in range(lo, hi):
        c = chr(cp)
        rows.append((c.isalpha(), c.isdigit(), c.isdecimal(), c.isnumeric(), c.isalnum(), c.isspace(), c.isprintable(),
                     c.isidentifier(), ("a" + c).isidentifier()))
    return [checksum([r[k] for r in rows]) for k in range(9)]

for lo in range(0, 0xD800, 4096):
    print(hex(lo), block(lo, min(lo + 4096, 0xD800)))
for lo, hi in ((0xE000, 0x10000), (0x10000, 0x10800), (0x11000, 0x11800), (0x1D400, 0x1D800), (0x1E900, 0x1E960)):
    print(hex(lo), block(lo, hi))
