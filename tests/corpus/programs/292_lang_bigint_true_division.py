# True division of huge ints is correctly rounded (no detour through inf), and its overflow error
print((2 ** 1100) / (2 ** 1090), 10 ** 400 / 10 ** 399, 1 / 10 ** 400, -(10 ** 400) / 10 ** 401)
print((10 ** 30 + 1) / 10 ** 15, (2 ** 53 + 1) / 1, (2 ** 64 + 1) / 2 ** 11, 7 ** 500 / 7 ** 499)
print(int(1e308) % 10 ** 6, len(str(int(1e308))), float(2 ** 1023), int(-1.5e16))
for f in [lambda: 10 ** 400 / 3, lambda: float(2 ** 1024), lambda: 2.0 * 10 ** 400, lambda: 10 ** 400 + 0.5, lambda: (10 ** 400) ** 0.5]:
    try:
        print(f())
    except OverflowError as e:
        print("OverflowError:", e)
print(10 ** 400 // 10 ** 398, 10 ** 400 % 7, divmod(-(10 ** 30), 7), 10 ** 20 // 0.5)
print(round(10 ** 30 / 3), (3 ** 300) // (3 ** 298), 2 ** 100 == 2.0 ** 100, 2 ** 100 + 1 > 2.0 ** 100)
print(sum([10 ** 20, 0.5, -(10 ** 20)]), 10 ** 20 + 0.5 - 10 ** 20, max(10 ** 400, 1e308))
ratio = (2 ** 2000 + 2 ** 1000) / 2 ** 1990
print(ratio, ratio == 1024.0, (3 ** 1000) / (3 ** 999 * 2))
