# isdigit, isalpha, isalnum, isspace, isdecimal, isnumeric, isidentifier, isprintable
samples = ["123", "12.3", "abc", "abc123", "   ", "", "Ab C", "_name", "2x", "\t\n", "½", "٣", "a\x00"]
for s in samples:
    print(repr(s), s.isdigit(), s.isalpha(), s.isalnum(), s.isspace(), s.isdecimal(), s.isnumeric(),
          s.isidentifier(), s.isprintable())
print("Hello World".istitle(), "HELLO".isupper(), "hello world".islower(), "ABC".isascii(), "é".isascii())
def is_int_literal(s):
    s = s.strip()
    if s[:1] in "+-":
        s = s[1:]
    return s.isdigit()
for s in ["42", "-7", "+0", "4.2", " 9 ", "x"]:
    print(repr(s), is_int_literal(s))
identifiers = ["tile_size", "2tile", "class", "_", "nki"]
print([s for s in identifiers if s.isidentifier()])
