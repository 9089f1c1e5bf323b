# numpy scalars flowing through Python formatting, math and containers
import math
import numpy as np
x = np.float32(2.5)
y = np.float64(1 / 3)
n = np.int64(12)
print("%.3f %d %s %r" % (x, n, y, x))
print("{:.4f} {:>6} {}".format(y, n, [x, n]))
print(f"{x} {y:.2e} {n:04d} {x!r}")
print(math.sqrt(x), math.floor(y * 10), math.isclose(x, 2.5), math.exp(n / 12))
print(round(y, 3), type(round(y, 3)).__name__, round(x), type(round(x)).__name__, int(n) + 1)
print(sorted([np.int32(3), 1, np.float64(2.0)]), max(x, 1.0), sum([x, y]))
d = {n: "twelve"}
print(d[12], 12 in d, list(range(n))[-1], "ab" * int(np.int8(2)))
print(bool(np.float32(0.0)), bool(np.array([1]).all()), np.float32(1) == 1, np.int64(5) is not None)
