# inf, nan, -0.0 behaviour
inf = float("inf")
nan = float("nan")
print(inf, -inf, nan, inf + 1, inf - inf, inf * 0, -inf < 0 < inf)
print(nan == nan, nan != nan, nan < 1, nan > 1, [nan] == [nan])
print(float("-inf"), float("Infinity"), float("nan"), float("-0"))
print(-0.0 == 0.0, str(-0.0), 0.0 * -5)
print(1 / inf, -1 / inf, inf / inf)
print(max(1, inf), min(-inf, 5), abs(-inf))
print(1e308 * 10, -1e308 * 10, 2.0 ** 1023 * 2)
import math
print(math.isnan(nan), math.isinf(-inf), math.isfinite(1e308), math.copysign(1, -0.0))
print(round(1e300, -300), int(1e20), float(10 ** 25))
print(sorted([3.0, -inf, 1.0, inf]))
