# fix, modf (sign of zero, inf, nan), frexp (subnormals, int32 exponents), ldexp (overflow warning,
# numpy's float16 for a Python int), divmod, sinc, gcd/lcm with broadcasting, isposinf/isneginf and the
# NaN-skipping nancumsum/nancumprod/nanprod.
import numpy as np
cases = [
 lambda: np.fix(np.array([1, -2])), lambda: np.fix(np.array([-1.5, 2.5, -0.5], np.float32)), lambda: np.fix(3.7),
 lambda: np.modf(np.array([-3.5, 2.25, -2.0, 0.0, -0.0, np.inf, -np.inf, np.nan])), lambda: np.modf(np.array([3, -4])), lambda: np.modf(np.float32(-1.25)), lambda: np.modf(2.5),
 lambda: np.frexp(np.array([8.0, 0.3, 0, -5, 1e-310, np.inf, 1.0, 0.5])), lambda: np.frexp(np.array([3.0], np.float32)), lambda: np.frexp(16),
 lambda: np.ldexp(np.array([1.5, 2]), np.array([2, -1])), lambda: np.ldexp(np.float32(3), 2), lambda: np.ldexp(5, np.arange(3)), lambda: np.ldexp(1.0, 1024), lambda: np.ldexp(1.0, -1074), lambda: np.ldexp(1.0, 2.0),
 lambda: np.divmod(np.array([7, -7]), 3), lambda: np.divmod(np.array([7.5, -7.5]), 2), lambda: np.divmod(7, 2),
 lambda: np.sinc(np.array([0, 0.5, 1.0, -1.5])), lambda: np.sinc(0), lambda: np.sinc(np.array([0.25], np.float32)),
 lambda: np.gcd(np.array([12, 18, 0, -4]), 8), lambda: np.lcm(4, 6), lambda: np.lcm(np.array([3, 0, -4]), np.array([[5], [6]])), lambda: np.gcd(np.array([4], np.int32), np.array([6], np.int8)),  lambda: np.isposinf(np.array([np.inf, -np.inf, 1])), lambda: np.isneginf(-np.inf),
 lambda: np.nancumsum(np.array([1, np.nan, 2])), lambda: np.nancumprod(np.array([[2, np.nan], [3, 4]]), axis=0), lambda: np.nanprod(np.array([2, np.nan, 3])), lambda: np.nanprod(np.array([[2, np.nan], [3, 4]]), axis=1, keepdims=True), lambda: np.nancumsum(np.arange(4)),
]
for i, c in enumerate(cases):
    try:
        print(i, repr(c()))
    except Exception as e:
        print(i, type(e).__name__, e)
