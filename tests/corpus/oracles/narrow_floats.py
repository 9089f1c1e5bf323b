"""Exact round-to-nearest-even into narrow float formats, written from the IEEE 754 definitions.

CPython's numpy has no bfloat16/float8 (ml_dtypes is not installed here), so the corpus oracles compute
what Kernel Lab's `astype(np.bfloat16)` etc. must produce with this: exact rational arithmetic
(fractions.Fraction), ties to the even significand, overflow to +-inf for formats with infinities and to
NaN for the "fn" formats (no infinities), as ml_dtypes does without saturation.
"""
import math
from fractions import Fraction

import numpy as np

# name: (exponent bits, mantissa bits, has infinity)
FORMATS = {
    "bfloat16": (8, 7, True),
    "float16": (5, 10, True),
    "float8_e4m3": (4, 3, True),
    "float8_e4m3fn": (4, 3, False),
    "float8_e5m2": (5, 2, True),
}


def _limits(fmt):
    ebits, mbits, has_inf = FORMATS[fmt]
    bias = 2 ** (ebits - 1) - 1
    emin = 1 - bias
    if has_inf:
        emax = bias
        max_finite = (2 - Fraction(1, 2 ** mbits)) * Fraction(2) ** emax
    else:
        emax = bias + 1
        max_finite = (2 - Fraction(2, 2 ** mbits)) * Fraction(2) ** emax
    return mbits, emin, max_finite, has_inf


def round_to(fmt, x):
    """x (a Python float) rounded to `fmt`, returned as a Python float (exactly representable)."""
    if math.isnan(x):
        return math.nan
    mbits, emin, max_finite, has_inf = _limits(fmt)
    if math.isinf(x):
        return x if has_inf else math.nan
    if x == 0:
        return x
    sign = -1 if x < 0 else 1
    mag = Fraction(abs(x))
    e = mag.numerator.bit_length() - mag.denominator.bit_length()
    if Fraction(2) ** e > mag:
        e -= 1
    quantum = Fraction(2) ** (max(e, emin) - mbits)
    q, r = divmod(mag, quantum)
    if r * 2 > quantum or (r * 2 == quantum and q % 2 == 1):
        q += 1
    result = q * quantum
    if result > max_finite:
        return sign * math.inf if has_inf else math.nan
    return sign * float(result)


def astype_f32(fmt, arr):
    """Kernel Lab's arr.astype(fmt).astype(np.float32) for a float32 array."""
    flat = [round_to(fmt, float(v)) for v in np.asarray(arr, dtype=np.float32).ravel()]
    return np.array(flat, dtype=np.float32).reshape(np.shape(arr))


def _self_check():
    """Cross-check the rounding against numpy's own (correctly rounded) float16 conversion."""
    import random
    import warnings
    rng = random.Random(0)
    mismatches = 0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # overflow to inf in numpy's cast is expected here
        for _ in range(20000):
            x = float(np.float32(rng.uniform(-70000, 70000) * 10 ** rng.randint(-9, 0)))
            a, b = round_to("float16", x), float(np.float16(np.float32(x)))
            if not (a == b or (math.isnan(a) and math.isnan(b))):
                mismatches += 1
    print("float16 mismatches against numpy:", mismatches)
    assert mismatches == 0


if __name__ == "__main__":
    _self_check()
