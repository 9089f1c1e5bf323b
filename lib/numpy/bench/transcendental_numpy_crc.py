"""CRC-32 of numpy's float32 results per chunk of consecutive float32 bit patterns, all 2^32 of them,
for transcendental-exhaustive.ts --numpy. NaN results are written as numpy's quiet NaN 0x7fc00000.
Run: python3 transcendental_numpy_crc.py exp|tanh CHUNK"""
import sys
import zlib

import numpy as np

op, chunk = getattr(np, sys.argv[1]), int(sys.argv[2])
crcs = []
with np.errstate(all="ignore"):
    for base in range(0, 2**32, chunk):
        x = np.arange(base, base + chunk, dtype=np.uint64).astype(np.uint32).view(np.float32)
        r = op(x)
        bits = r.view(np.uint32).copy()
        bits[np.isnan(r)] = 0x7FC00000
        crcs.append(zlib.crc32(bits.tobytes()))
print(" ".join(map(str, crcs)))
