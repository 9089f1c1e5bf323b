# Builtin edge cases: huge ranges, zip(strict=True), negative enumerate starts, mixed-type ordering errors
r = range(10 ** 20)
print(r[-1], r[10 ** 19], 10 ** 19 in r, r.index(12345), range(0, 10 ** 20, 7)[3])
try:
    len(r)
except OverflowError as e:
    print("OverflowError:", e)
print(list(enumerate("abc", -1)), list(zip("ab", [1, 2], strict=True)))
try:
    list(zip("abc", [1, 2], strict=True))
except ValueError as e:
    print("ValueError:", e)
for bad in [lambda: sorted([(1, None), (1, 2)]), lambda: max([1, "2"]), lambda: [1, 2] < [1, "x"], lambda: min([], key=len)]:
    try:
        print(bad())
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
print(max((x for x in range(5)), key=lambda v: -v), min("bca", default="z"), max([], default=None))
print("ab" * True, "ab" * -3, [1] * False, (0,) * 2)
print(sum(range(10 ** 6)), sum([0.1] * 3, 1), abs(-(2 ** 100)), -(-5) // 2, -(5 // 2))
print(repr(chr(0x85)), repr(chr(0xAD)), repr("\x1b[0m"), str("x"))
