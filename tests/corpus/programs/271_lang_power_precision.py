# Powers must be correctly rounded like C's pow(): 10 ** -n, float powers, numpy powers
import numpy as np
print([10 ** -n for n in range(1, 26)])
print([10.0 ** n for n in range(15, 25) if n != 23])  # 10**23 is an exact tie: glibc pow and correct rounding differ
print([2 ** -n for n in (1, 10, 52, 53, 1074)], 2 ** -1075)
print(1.1 ** 10, 0.5 ** 0.5, 3.0 ** -2, (-2.0) ** 3, 9 ** 0.5, 10 ** 0.5)
print(pow(10, -4), pow(10.0, -5), 1e-4 == 10 ** -4, 1e-5 == 10 ** -5)
x = np.array([1.0, 10.0, 0.1])
print(np.power(10.0, np.arange(-6, 0)), x ** -4)
print(np.float64(10) ** 2, np.float64(2) ** -3, np.float64(10) ** -24)  # numpy's SIMD pow is platform-specific in the last bit
scale = 10 ** -3
print(123456 * scale, round(0.1 ** 3, 20), 2.5 ** 2, 0.5 ** -3)
