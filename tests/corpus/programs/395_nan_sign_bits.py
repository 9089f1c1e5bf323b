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
    # numpy's libm returns x86's default NaN outside a function's domain. (What it returns for a NaN
    # input varies by function and dtype, and is not tested.)
    for dt in (np.float64, np.float32):
        x = np.array([-1.0, -2.0, np.inf, -np.inf, 2.0, 0.0], dtype=dt)
        for name in ["log", "log2", "log10", "log1p", "sqrt", "arcsin", "arccos", "arctanh", "arccosh", "sin", "cos", "tan"]:
            r = getattr(np, name)(x)
            print(dt.__name__, name, np.signbit(r).astype(int), np.isnan(r).astype(int))
        print("power", np.signbit(np.power(x, np.full(6, 0.5, dtype=dt))).astype(int), "mod", np.signbit(np.mod(x, 0)).astype(int), "fmod", np.signbit(np.fmod(x, 0)).astype(int))
