"""Golden generator for lib/numpy/float-formats.test.ts.

ml_dtypes is not installed here, so the oracle is an independent exact rounding written from the IEEE
definitions: enumerate every finite value of the format from its bit layout, find the two neighbours of
x, compare distances exactly with fractions.Fraction and break ties towards the even bit pattern. float32
and float16 are additionally cross-checked against numpy's own (correctly rounded) conversions.

Run: python3 lib/numpy/float-formats.gen.py  (writes lib/numpy/float-formats.golden.json)
"""
import bisect
import json
import math
import os
import random
import struct
from fractions import Fraction

import numpy as np

# name: (exponent bits, mantissa bits, has infinity)
FORMATS = {
    "float32": (8, 23, True),
    "float16": (5, 10, True),
    "bfloat16": (8, 7, True),
    "tfloat32": (8, 10, True),
    "float8_e4m3": (4, 3, True),
    "float8_e4m3fn": (4, 3, False),
    "float8_e5m2": (5, 2, True),
}


def dbits(x):
    return struct.pack(">d", x).hex()


def decode(fmt, bits):
    e_bits, m_bits, has_inf = FORMATS[fmt]
    bias = 2 ** (e_bits - 1) - 1
    sign = (bits >> (e_bits + m_bits)) & 1
    exp = (bits >> m_bits) & ((1 << e_bits) - 1)
    man = bits & ((1 << m_bits) - 1)
    top = (1 << e_bits) - 1
    if exp == top and has_inf:
        v = math.inf if man == 0 else math.nan
    elif exp == top and man == (1 << m_bits) - 1:
        v = math.nan
    elif exp == 0:
        v = math.ldexp(man, 1 - bias - m_bits)
    else:
        v = math.ldexp((1 << m_bits) + man, exp - bias - m_bits)
    return -v if sign else v


class Table:
    """All finite non-negative values of a format, ascending, with their bit patterns."""

    def __init__(self, fmt):
        e_bits, m_bits, has_inf = FORMATS[fmt]
        self.fmt = fmt
        self.has_inf = has_inf
        self.m_bits = m_bits
        self.e_bits = e_bits
        pos = []
        for bits in range(0, 1 << (e_bits + m_bits)):
            v = decode(fmt, bits)
            if math.isfinite(v):
                pos.append((v, bits))
        pos.sort()
        self.values = [v for v, _ in pos]
        self.bits = [b for _, b in pos]
        self.max = self.values[-1]
        self.max_bits = self.bits[-1]
        # The pattern one step above max: inf (even mantissa) for IEEE, the NaN slot (odd) for fn.
        self.above_max = self.max + (self.values[-1] - self.values[-2])
        self.above_max_bits = self.max_bits + 1

    def round(self, x):
        """Return (value, bits) of x rounded to nearest, ties to even."""
        width = 1 + self.e_bits + self.m_bits
        nan_bits = ((1 << self.e_bits) - 1) << self.m_bits | (
            (1 << (self.m_bits - 1)) if self.has_inf else (1 << self.m_bits) - 1)
        if math.isnan(x):
            return math.nan, nan_bits
        sign = 1 if math.copysign(1.0, x) < 0 else 0
        sbit = sign << (width - 1)
        a = abs(x)
        inf_bits = ((1 << self.e_bits) - 1) << self.m_bits
        if math.isinf(a):
            return (x, sbit | inf_bits) if self.has_inf else (math.nan, nan_bits)
        i = bisect.bisect_left(self.values, a)
        if i < len(self.values) and self.values[i] == a:
            v, b = a, self.bits[i]
        else:
            if i == len(self.values):
                lo, lo_bits, hi, hi_bits = self.max, self.max_bits, self.above_max, self.above_max_bits
            else:
                lo, lo_bits, hi, hi_bits = self.values[i - 1], self.bits[i - 1], self.values[i], self.bits[i]
            dlo = Fraction(a) - Fraction(lo)
            dhi = Fraction(hi) - Fraction(a)
            if dlo < dhi or (dlo == dhi and lo_bits % 2 == 0):
                v, b = lo, lo_bits
            else:
                v, b = hi, hi_bits
            if b == self.above_max_bits:
                if not self.has_inf:
                    return math.nan, nan_bits
                return (-math.inf if sign else math.inf), sbit | inf_bits
        return (-v if sign else v), sbit | b


def inputs_for(table, rng):
    xs = [0.0, -0.0, math.inf, -math.inf, math.nan, 1.0, -1.0, 0.1, -0.1, 1 / 3, 3.14159, 65504.0,
          1e-8, 1e-30, 1e-45, 5e-324, 1e30, 1e300, 448.0, 464.0, 465.0, 480.0, 240.0, 248.0, 256.0,
          57344.0, 61440.0, 3.4028234663852886e38, 3.4028235677973366e38]
    vals = table.values
    mx = table.max
    tiny = vals[1]
    xs += [mx, mx * (1 + 2**-30), (mx + table.above_max) / 2, (mx + table.above_max) / 2 * (1 + 2**-40),
           (mx + table.above_max) / 2 * (1 - 2**-40), tiny, tiny / 2, tiny / 2 * (1 + 2**-30), tiny * 0.75,
           tiny * 1.5, tiny * 2.5]
    # exact midpoints (ties) and their neighbours, across the whole range
    idx = sorted(rng.sample(range(len(vals) - 1), min(120, len(vals) - 1)))
    for i in idx:
        mid = (vals[i] + vals[i + 1]) / 2  # exact in double for these narrow formats
        xs += [mid, math.nextafter(mid, math.inf), math.nextafter(mid, -math.inf)]
    # log-uniform random doubles over the format's range and beyond
    lo, hi = math.log2(tiny) - 3, math.log2(mx) + 2
    for _ in range(250):
        xs.append(2 ** rng.uniform(lo, hi) * rng.choice([1, -1]))
    # random float32-exact values (the bulk Float32Array path)
    for _ in range(250):
        xs.append(float(np.float32(2 ** rng.uniform(lo, hi) * rng.choice([1, -1]))))
    return [x if x == 0 or not math.isfinite(x) or rng.random() < 0.5 else -x for x in xs]


def main():
    rng = random.Random(20261125)
    out = {}
    for fmt in FORMATS:
        if fmt == "float32":
            continue
        table = Table(fmt)
        cases = []
        for x in inputs_for(table, rng):
            v, b = table.round(x)
            if fmt == "float16":
                ref = float(np.float16(x))
                assert (math.isnan(ref) and math.isnan(v)) or (ref == v and math.copysign(1, ref) == math.copysign(1, v)), (x, v, ref)
            cases.append([dbits(x), dbits(v), b])
        width = 1 + FORMATS[fmt][0] + FORMATS[fmt][1]
        if width <= 16:
            patterns = list(range(1 << width)) if width == 8 else list(range(0, 1 << width, 7))
        else:
            patterns = list(range(0, 1 << width, 1021))
        decoded = [[p, dbits(decode(fmt, p))] for p in patterns]
        out[fmt] = {"cases": cases, "decode": decoded}
    # float32: numpy is the oracle (double -> float32 conversion is correctly rounded)
    f32 = []
    for _ in range(300):
        x = 2 ** rng.uniform(-152, 129) * rng.choice([1, -1])
        f32.append([dbits(x), dbits(float(np.float32(x))), int(np.float32(x).view(np.uint32))])
    out["float32"] = {"cases": f32, "decode": []}
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "float-formats.golden.json")
    with open(path, "w") as f:
        json.dump(out, f, separators=(",", ":"))
    print("wrote", path, {k: len(v["cases"]) for k, v in out.items()})


if __name__ == "__main__":
    import warnings
    warnings.simplefilter("ignore")
    main()
