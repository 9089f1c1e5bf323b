# Methods of int and float: bit_length/bit_count, as_integer_ratio, is_integer, hex/fromhex, real/imag, conjugate
for n in [0, 1, -1, 255, 2 ** 100 + 7, -(2 ** 64)]:
    print(n, n.bit_length(), n.bit_count(), n.as_integer_ratio(), n.real, n.imag, n.numerator, n.denominator)
for x in [0.0, -0.0, 0.5, 3.75, 0.1, 1e300, -2.5e-310, 7.0]:
    print(repr(x), x.as_integer_ratio(), x.is_integer(), x.hex(), float.fromhex(x.hex()) == x, x.real, x.conjugate())
print(float.fromhex("0x1.8p1"), float.fromhex("-0x1p-1074"), float.fromhex("inf"), (1.5).__round__())
print((10).__add__(5), (7).__truediv__(2), (2.5).__floordiv__(1), int.__name__, (3).conjugate(), True.bit_length())
for bad in [lambda: float("inf").as_integer_ratio(), lambda: float("nan").as_integer_ratio(), lambda: float.fromhex("0xg")]:
    try:
        bad()
    except (OverflowError, ValueError) as e:
        print(type(e).__name__ + ":", e)
print(int(7.9).bit_length(), (2 ** 0.5).is_integer(), round(2.675, 2).hex())
