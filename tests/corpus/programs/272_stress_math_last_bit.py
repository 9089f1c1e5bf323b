# math functions over a grid of inputs; their last bit depends on the platform's libm, hence the tolerance
# corpus: tolerance=1e-15
import math
xs = [0.001, 0.1, 0.3, 0.5, 0.7, 1.0, 1.5, 2.0, 2.5, 3.0, 5.0, 7.5, 10.0, 12.3, 20.0, 33.3, 100.0, 123.4, 700.0]
names = ["exp", "log", "log10", "log2", "log1p", "expm1", "sqrt", "sin", "cos", "tan", "atan", "sinh", "cosh", "tanh", "asinh"]
for name in names:
    fn = getattr(math, name)
    vals = [fn(x) for x in xs]
    print(name, " ".join(repr(v) for v in vals))
print(" ".join(repr(math.pow(x, 1.7)) for x in xs))
print(" ".join(repr(math.atan2(x, 3.0)) for x in xs))
print(" ".join(repr(math.atan(x) * 4) for x in xs[:5]))
