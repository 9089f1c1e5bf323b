# math functions CPython computes without libm (its own correctly rounded algorithms): exact to the last bit
import math
xs = [0.001, 0.1, 0.3, 0.5, 0.7, 1.0, 1.5, 2.0, 2.5, 3.0, 5.0, 7.5, 10.0, 12.3, 20.0, 33.3, 100.0, 123.4, 700.0]
print(" ".join(repr(math.hypot(x, 1.0)) for x in xs))
print(" ".join(repr(math.hypot(x, x / 3, 0.25)) for x in xs[:8]))
print(" ".join(repr(math.sqrt(x)) for x in xs))
print(math.fsum([0.1] * 10), math.fsum([1e100, 1.0, -1e100]), math.fsum(x / 7 for x in xs))
print(math.dist((0.0, 0.0), (3.0, 4.0)), math.dist((1.5, 2.5, 3.5), (0.1, 0.2, 0.3)))
print(math.prod([0.1, 0.2, 0.3]), math.prod(xs[:6]), math.isqrt(10 ** 30 + 12345))
print(math.floor(-0.5), math.ceil(1e300), math.trunc(-7.9), math.fmod(-7.5, 2), math.remainder(7.5, 2))
print(math.copysign(3, -0.0), math.fabs(-2.5), math.ldexp(1.5, -1074), math.frexp(1e-300), math.modf(123.456))
