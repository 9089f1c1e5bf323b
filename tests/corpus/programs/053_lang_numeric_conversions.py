# Conversions between int, float, bool and str
print(int("42"), int("-7"), int("  12  "), int("0x1f", 16), int("777", 8), int("101", 2))
print(int("z", 36), int(3.9), int(-3.9), int(True), int(1e15))
print(float("3.5"), float("-1e-3"), float(" 2 "), float(7), float("nan"))
print(str(12), str(1.0), str(-0.5), str(True), str(None))
print(bool(0), bool(0.0), bool("0"), bool(-1))
print(int("1_000_000"), float("1_0.5"), 1_000 + 0b1_0)
print(round(7 / 2), round(-7 / 2), round(3.14159, 2), round(1234, -2))
print(abs(-4), abs(-4.5), abs(True))
print(10 / 2, type(10 / 2).__name__, 10 // 2, type(10 // 2).__name__)
print(2 ** 0.5 * 2 ** 0.5, int(2 ** 0.5 * 2 ** 0.5))
print(hex(255), oct(8), bin(5), hex(-42))
for bad in ["abc", "1.5", ""]:
    try:
        int(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    float("x1")
except ValueError as e:
    print("ValueError:", e)
