# frexp/ldexp across the whole double range: subnormals, the normal boundary, huge values, signs.
import math

values = [
    5e-324, -5e-324, 1e-320, 2.2250738585072014e-308, 2.225073858507201e-308,
    1e-310, 0.1, 0.5, 1.0, 1.5, -3.75, 1024.0, 1e300, 1.7976931348623157e308,
    -1.7976931348623157e308, 0.0, -0.0, float("inf"), float("-inf"),
]
for v in values:
    m, e = math.frexp(v)
    print(repr(v), repr(m), e, math.ldexp(m, e) == v)

print(math.frexp(float("nan")))
for k in range(-1080, -1060, 3):
    m, e = math.frexp(math.ldexp(1.0, k))
    print(k, m, e)
print(math.frexp(3))
print(math.frexp(True))
for args in [(1.0, 10**18), (1.0, -10**18), (-2.5, -10**30), (-2.5, 5000), (3.0, -1100), (0.0, 10**30), (1.5, 1023), (1.5, 1024)]:
    try:
        print(args, math.ldexp(*args))
    except OverflowError as e:
        print(args, "OverflowError", e)
