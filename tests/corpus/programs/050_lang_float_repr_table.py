# repr/str of many floats (shortest round-trip digits, exponent switch points)
values = [0.1, 0.2, 0.3, 1 / 3, 2 / 3, 1.1, 2.675, 1e16, 9999999999999998.0, 1e15 + 0.3,
          123456789012345.6, 1e-4, 9.999e-5, 1e-5, 1.5e-7, 1e20, 1e21, 1e22, 1.7976931348623157e308,
          5e-324, 2.2250738585072014e-308, 100.0, 1234.5678, 0.000123, 12345678.9, 4.35, 0.1 + 0.7,
          3.0 * 1.1, 1 / 7, 22 / 7, 2 ** 0.5, 10 / 3, 1e100, 123e-20, -2.5e-3, 6.02214076e23]
for v in values:
    print(repr(v), str(v))
print(values[:5])
print(tuple(values[5:8]))
print({"x": 0.1})
