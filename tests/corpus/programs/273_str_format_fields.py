# str.format field grammar: nested replacement fields, auto numbering inside specs, keys, conversions
class P:
    x = 1.5
    items = {"k": [10, 20]}
print("{:{}{}}".format("ab", ">", 6))
print("{0:{1}.{2}f}|{0:{fill}^{w}}".format(3.14159, 9, 2, fill="*", w=11))
print("{a[k]} {a[0]} {b.x:.3f} {b.items[k][1]}".format(a={"k": "v", 0: "zero"}, b=P()))
print("{0[1]}{0[0]}{1!r:>6}{1!s:<4}|".format("xy", "q"))
print("{!a} {!r:^9} {:>{}}".format("é", "tab\t", "z", 4))
print("{0}{1}{0}".format("ab", "-"), "{}{{}}{}".format(1, 2), "{{{0}}}".format("x"))
print("{:,} {:_b} {:#x} {:e} {:%}".format(10 ** 9, 10, 255, 12345.678, 0.125))
print("{0:>8}|{0:<8}|{0:^8}|{0:=+8}".format(-42))
print("{n:0{w}d}".format(n=7, w=5), "{:.{p}}".format("truncate", p=4), "{:0>4}".format(7))
for bad in ["{0:{1}}", "{:}{1}", "{0.}", "{0[}", "{!x}", "{0!}", "{:{:{}}}", "{a.b.c}"]:
    try:
        print(bad.format(1, 2) if "a" not in bad else bad.format(a=1))
    except (ValueError, IndexError, KeyError, AttributeError) as e:
        print(type(e).__name__ + ":", e)
