# int() and float() parsing rules: bases, prefixes, underscores, whitespace, errors
good = [("  -0x1A  ", 16), ("0x1a", 0), ("0o17", 0), ("0b101", 0), ("1_000", 10), ("zz", 36), ("-12", 10), ("+7", 0), ("0", 0), ("00", 0)]
for s, base in good:
    print(repr(s), base, int(s, base))
bad = [("017", 0), ("1e3", 10), ("1__0", 10), ("_1", 10), ("12", 2), ("0x", 16), ("", 10), (" ", 10), ("1.0", 10)]
for s, base in bad:
    try:
        int(s, base)
    except ValueError as e:
        print("ValueError:", e)
for s in ["  1_000.5 ", "1e500", "-1e500", "-nan", "inf", "-Infinity", ".5", "5.", "1E-3", "0x10"]:
    try:
        print(repr(s), float(s))
    except ValueError as e:
        print("ValueError:", e)
