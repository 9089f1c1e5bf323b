# Float arithmetic and repr of results
print(0.1 + 0.2)
print(1.0 / 3, 2.0 / 3)
print(10 / 4, 9 / 3, 1e300 * 10, -1e300 * 10)
print(7.5 // 2, 7.5 % 2, -7.5 // 2, -7.5 % 2)
print(2.0 ** 0.5, 2 ** 0.5, 4 ** -0.5)
print(1e16, 1e15, 123456789.123456789)
print(1e-4, 1e-5, 0.00012345)
print(3.0 * 1.1, 100 * 1.1)
print(float(2 ** 53) + 1.0)
print(0.1 * 3 == 0.3, abs(0.1 * 3 - 0.3) < 1e-12)
x = 1.0
for _ in range(10):
    x = x * 1.5 - 0.25
print(x)
print(-0.0, 0.0 * -1, 5e-324, 1.7976931348623157e308)
print(round(2.675, 2), round(0.5), round(1.5), round(-2.5))
print(int(3.99), int(-3.99), float("1e-3"))
print(divmod(7.5, 2), divmod(-7.5, 2))
