# str.split, rsplit, join, splitlines
s = "a,b,,c"
print(s.split(","), s.split(",", 1), s.rsplit(",", 1), "a b  c".split(), "  lead trail  ".split())
print("".split(), "".split(","), "abc".split("b"), "x".split("x"))
print("one two three".split(" ", 1), "k=v=w".partition("="), "k=v=w".rpartition("="), "abc".partition("z"))
print("-".join(["a", "b", "c"]), "".join("xyz"), ", ".join(str(i) for i in range(3)))
text = "line1\nline2\r\nline3\n"
print(text.splitlines(), text.splitlines(keepends=True), text.split("\n"))
csv = "name,score\nann,90\nbob,85"
rows = [line.split(",") for line in csv.splitlines()]
print(rows, {r[0]: int(r[1]) for r in rows[1:]})
try:
    ",".join([1, 2])
except TypeError as e:
    print("TypeError:", e)
try:
    "a".split("")
except ValueError as e:
    print("ValueError:", e)
