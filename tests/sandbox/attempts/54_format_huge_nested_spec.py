# expect: any
# A ten-million-character (but valid) nested format spec, and huge astral strings through formatting.
spec = "0" * 10 ** 7 + "5"
print(f"{1:{spec}}")
s = "\U0001F600" * 10 ** 6
print(len(f"{s:.3}"), len("%.2s" % s), len("%s" % s))
print(len(repr(s[:3])))
