# print in all its forms: sep/end, *unpacking, stderr, sys.stdout.write, %-formatting and empty prints
import sys

shape = (128, 512)
print("shape:", *shape, sep=" ")
print(*shape, sep="x", end="\n\n")
print("a", "b", "c", sep="")
print("progress", end=": ")
for i in range(3):
    print(i, end=" " if i < 2 else "\n")
print("to stderr", file=sys.stderr)
sys.stdout.write("written directly\n")
n = sys.stdout.write("abc")
print("", n)
print()
print(None, True, 1.0, [1.5, "s"], (1,), {"k": None}, {1}, set(), frozenset([2]))
print("%s has %d tiles of %.2f KiB (%5.1f%%)" % ("sbuf", 24, 192 / 8, 37.5))
print("%r %s %i %x %X %o %e %g %c" % ("q", "q", 7, 255, 255, 8, 12345.678, 0.00001, 65))
print("%-8s|%8s|" % ("left", "right"), "%+d %+d" % (5, -5), "% d" % 3, "%.3s" % "abcdef")
ok = True
print(f"{'PASS' if ok else 'FAIL'}: {shape[0] * shape[1]} elements", flush=True)
print(f"{shape=}", f"{shape[0] = }", f"{3.14159=:.2f}")
print("multi", "line\nvalue", sep="\t")
print(repr("tab\there"), ascii("café"), str("bytes-free"))
