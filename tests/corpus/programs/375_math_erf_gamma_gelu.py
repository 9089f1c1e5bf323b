# erf, erfc, gamma and lgamma to the last digit, as a GELU reference and normal CDF would use them.
import math


def gelu_exact(x):
    return 0.5 * x * (1.0 + math.erf(x / math.sqrt(2.0)))


def normal_cdf(x, mu=0.0, sigma=1.0):
    return 0.5 * math.erfc(-(x - mu) / (sigma * math.sqrt(2.0)))


xs = [-4.5, -2.75, -1.3, -0.6, -0.01, 0.0, 1e-9, 0.3, 0.84, 1.1, 2.2, 3.7, 5.9]
print([repr(gelu_exact(x)) for x in xs])
print([repr(normal_cdf(x, 0.5, 1.7)) for x in xs])
print([repr(math.erf(x)) for x in (0.2, 0.9, 1.2, 1.3, 2.5, 2.9, 4.0, 6.5, -0.7, 1e-300)])
print([repr(math.erfc(x)) for x in (0.1, 0.3, 0.9, 1.2, 2.0, 3.0, 10.0, 26.5, 27.5, -0.5, -3.0, -7.0)])
print([repr(math.gamma(x)) for x in (0.5, 1.5, 2.5, 4.2, 7.77, 12.345, 33.3, 171.5, -0.5, -3.3, 1e-21)])
print([repr(math.lgamma(x)) for x in (0.5, 3.3, 10.5, 150.25, 1e4, 1e10, -2.5, -7.3)])
for f, x in [(math.gamma, -2.0), (math.gamma, 0.0), (math.lgamma, -3.0), (math.gamma, 180.0)]:
    try:
        print(f(x))
    except (ValueError, OverflowError) as e:
        print(f.__name__, type(e).__name__, e)
