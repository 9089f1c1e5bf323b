# str.format: positional, indexed, named, attribute and item access, conversions
print("{} + {} = {}".format(1, 2, 3))
print("{1} {0} {1}".format("a", "b"))
print("{name} is {age}".format(name="ann", age=30))
print("{0[0]} {0[1]} {1[k]}".format([10, 20], {"k": "v"}))
class P:
    x = 3
    y = [7, 8]
print("{0.x} {0.y[1]}".format(P()))
print("{!r} {!s} {!a}".format("é", "é", "é"))
print("{:>8}|{:<8}|{:^8}|".format("r", "l", "c"))
print("{:08.3f} {:+d} {:,} {:x}".format(3.14159, 5, 1234567, 255))
print("{0:{1}.{2}f}".format(2.71828, 10, 3))
print("{{}} {{{0}}}".format("braced"))
data = {"tile": 128, "dtype": "bf16"}
print("{tile}x{tile} {dtype}".format(**data))
print("{:*^20}".format(" title "))
for bad in ["{", "}", "{0} {}", "{1}", "{x}"]:
    try:
        bad.format("only")
    except (ValueError, IndexError, KeyError) as e:
        print(type(e).__name__, e)
