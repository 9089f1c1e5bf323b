# Number formatting in reports: widths, signs, exponents, percentages, grouping, repr of floats
values = [0.0, 1.0, -2.5, 3.14159265, 1e-7, 123456789.123, float("inf"), float("nan"), -0.0]
for v in values:
    print(f"{v!r:>16} {v:10.3f} {v:+.2e} {v:g} {v:.4g}")
print(f"{0.125:.1%}", f"{1/3:.3%}", f"{2/3:%}", f"{12:%}")
n = 1234567
print(f"{n:,}", f"{n:_}", f"{n:>12,}", f"{n:012d}", f"{-n:+,}", f"{n:e}", f"{n:.2e}")
print(f"{255:08b}", f"{255:#x}", f"{255:#X}", f"{255:o}", f"{-255:#x}", f"{65:c}")
print(f"{3.0:.0f}", f"{2.5:.0f}", f"{3.5:.0f}", f"{-0.5:.0f}", f"{1e16:.0f}", f"{1.005:.2f}")
print(f"{'left':<10}|{'mid':^10}|{'right':>10}|", f"{7:*^9}", f"{-7:=+8}", f"{3.5:<8.2f}|")
print(str(1e16), str(1e-5), str(0.1 + 0.2), repr(1 / 3), str(100.0), str(2.5e-320), 1e22, 1.5e300 * 1e10)
print(format(1234.5678, ".2f"), format(0.000123, ".2e"), format(42, "x"), format(3.0, ""), format(12345.678, ",.1f"))
print(int(3.99), int(-3.99), float("1_000.5"), int("1_000"), round(1e15 + 0.3, 1), 7 / 2, 7 // -2, -7 % 3)
print(1e3 == 1000, 0.1 * 3, 2 ** 0.5, 10 ** 20, 10.0 ** 20, 2 ** -1, abs(-0.0), divmod(-7.5, 2))
print(f"{1234.5:10,.2f}", f"{0.00001234:.3g}", f"{123456789:.3g}", f"{1.5:g}", f"{100000.0:g}", f"{1000000.0:g}")
print(float.hex(1.0) if hasattr(float, "hex") else "", (0.1).as_integer_ratio(), (2.0).is_integer(), 5 .bit_length())
