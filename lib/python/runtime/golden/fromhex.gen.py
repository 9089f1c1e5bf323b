"""Golden values for float.fromhex: python3 lib/python/runtime/golden/fromhex.gen.py
Each case is the input string and either the result's IEEE bits (big-endian hex) or the exception."""
import json
import os
import random
import struct

rng = random.Random(20261126)
cases = [
    "0x1.8p1", "-0x1p-1074", "0x1p-1075", "0x1.0000000000001p-1075", "0x3p-1076", "0x1p-1076",
    "0x1.fffffffffffff8p1023", "0x1.fffffffffffff7ffp1023", "0x1p1024", "0x.8p1025", "0x1p-1022",
    "0x0.fffffffffffff8p-1022", "0x1.00000000000008p0", "0x1.00000000000018p0", "0x1.000000000000080001p0",
    "inf", "-Infinity", "nan", "-NaN", "  0x1p3\n", "\t-0X1.AbCdP-4 ", "1", "1.", ".8", "0x.8", "ff", "0x0",
    "-0x0p0", "0x0p99999999999999", "0x1p-99999999999999", "0x1p99999999999999", "0000000000001p+2",
    "0x123456789abcdef0123456789p-100", "1p", "0x", "", "0x1.8q1", "0xg", "--1", "0x1p1.5", "0x1 p1", "infx",
    "0x1p+0", "0x1p-0", "+0x1.", "\u00a00x1p1",
]
for _ in range(300):
    bits = rng.getrandbits(64)
    x = struct.unpack(">d", bits.to_bytes(8, "big"))[0]
    if x != x:
        continue
    cases.append(x.hex())
    # The same value written with a shifted point and extra digits, which must round identically.
    m = rng.getrandbits(rng.randint(1, 80))
    cases.append(f"0x{m:x}p{rng.randint(-1200, 1000)}")

out = []
for s in cases:
    try:
        v = float.fromhex(s)
        out.append({"input": s, "bits": struct.pack(">d", v).hex()})
    except (ValueError, OverflowError) as e:
        out.append({"input": s, "error": type(e).__name__, "message": str(e)})
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "fromhex.golden.json"), "w") as f:
    json.dump(out, f, indent=0)
    f.write("\n")
