# math trigonometric and hyperbolic functions
# corpus: tolerance=1e-14
import math
for x in [0.0, 0.5, 1.0, math.pi / 6, math.pi / 4, math.pi / 3, math.pi / 2, math.pi]:
    print(f"{x:.6f} sin={math.sin(x):.12f} cos={math.cos(x):.12f} tan={math.tan(x):.6g}")
print(math.asin(1), math.acos(0), math.atan(1), math.atan2(1, -1), math.atan2(-0.0, -1))
print(math.sinh(1), math.cosh(1), math.tanh(0.5), math.tanh(20), math.asinh(1), math.acosh(2), math.atanh(0.5))
print(math.sin(1e10), math.cos(-1e-10), math.tan(1.5))
print(math.erf(0.5), math.erfc(0.5), math.gamma(5), math.lgamma(10))
def gelu(x):
    return 0.5 * x * (1 + math.tanh(math.sqrt(2 / math.pi) * (x + 0.044715 * x ** 3)))
print([round(gelu(v), 10) for v in (-2, -1, 0, 1, 2)])
print([math.exp(v) / (1 + math.exp(v)) for v in (-1, 0, 1)])
