# The sign bit of NaNs: x86's NaN from an invalid operation has it set, a literal nan does not; math.copysign, np.signbit and np.copysign see it
import math
import numpy as np

inf = float("inf")
print(math.copysign(1, inf - inf), math.copysign(1, float("nan")), math.copysign(1, -float("nan")), math.copysign(2, -0.0))
print(math.copysign(3, inf * 0), math.copysign(3, -(inf - inf)))
a = np.array([np.inf, -np.inf, 0.0, -0.0, 1.0, np.nan], dtype=np.float32)
with np.errstate(all="ignore"):
    print(np.signbit(a))
    print(np.signbit(a - a), np.signbit(a * 0), np.signbit(a / a))
    print(np.copysign(1, a - a), np.copysign(a, -1))
    b = a.astype(np.float64)
    print(np.signbit(b - b), np.signbit(np.sqrt(-b)), np.signbit(-np.nan), np.signbit(np.float64(np.nan)))
    # Large arrays run the SIMD loops: the same NaNs.
    big = np.full(100_000, np.inf, dtype=np.float32)
    print(np.signbit(big - big).sum(), np.signbit(big * 0).sum(), np.signbit(np.zeros(100_000) / 0).sum())
    c = np.full(100_000, np.inf)
    c -= c
    print(np.signbit(c).sum(), np.isnan(c).sum(), np.signbit(-c).sum())
