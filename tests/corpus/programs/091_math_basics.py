# math module: constants, roots, rounding, logs, exps
# corpus: tolerance=1e-14
import math
print(math.pi, math.e, math.tau, math.inf, math.nan)
print(math.sqrt(2), math.sqrt(16), math.isqrt(17), math.cbrt(27) if hasattr(math, "cbrt") else 3.0)
print(math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.5), math.floor(7), type(math.floor(2.5)).__name__)
print(math.exp(1), math.exp(-1), math.expm1(1e-10), math.log(math.e), math.log(8, 2), math.log10(1000))
print(math.log2(1024), math.log1p(1e-10), math.pow(2, 0.5), math.fabs(-3))
print(math.fmod(7, -3), math.remainder(7, 3), math.hypot(3, 4), math.copysign(2, -1))
print(math.isclose(0.1 + 0.2, 0.3), math.isclose(1, 1.1, rel_tol=0.2), math.isclose(0, 1e-10, abs_tol=1e-9))
print(math.isfinite(1.0), math.isinf(math.inf), math.isnan(math.nan))
print(math.degrees(math.pi), math.radians(180))
print(math.frexp(8.0), math.ldexp(0.5, 4), math.modf(-3.25))
print(math.fsum([0.1] * 10), sum([0.1] * 10))
print(math.ceil(10 / 3) * 128, math.floor(1e300), math.ceil(-0.5))
