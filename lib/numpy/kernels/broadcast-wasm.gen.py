"""Writes broadcast-wasm.golden.json: numpy's results of float binary ufuncs where one operand is
broadcast along rows ((cols,)) or columns ((rows, 1)) of a larger array — the per-row SIMD path.

Inputs are float32 from the same LCG as reductions-wasm.gen.py (the test rebuilds them; float64
cases use the same values widened). Run: python3 lib/numpy/kernels/broadcast-wasm.gen.py
"""
import base64, json, os
import numpy as np


def lcg_f32(n, seed):
    bits = np.empty(n, dtype=np.uint32)
    s = seed
    for i in range(n):
        s = (s * 1664525 + 1013904223) % 2**32
        bits[i] = (s & 0x80000000) | ((119 + (s >> 23) % 17) << 23) | (s & 0x7FFFFF)
    return bits.view(np.float32)


def b64(x):
    return base64.b64encode(np.ascontiguousarray(x).tobytes()).decode()


OPS = {"subtract": np.subtract, "maximum": np.maximum, "greater": np.greater}
# (big shape, small shape): the small operand broadcasts against the big one.
PAIRS = [((40, 16), (16,)), ((40, 16), (40, 1)), ((2, 20, 17), (20, 1)), ((2, 20, 17), (1, 1, 17))]
cases = []
for big, small in PAIRS:
    nb, ns = int(np.prod(big)), int(np.prod(small))
    for name, dt in (("float32", np.float32), ("float64", np.float64)):
        x = lcg_f32(nb, 5).astype(dt).reshape(big)
        y = lcg_f32(ns, 9).astype(dt).reshape(small)
        for op, fn in OPS.items():
            cases.append({"op": op, "dtype": name, "big": list(big), "small": list(small),
                          "xy": b64(fn(x, y)), "yx": b64(fn(y, x))})

path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "broadcast-wasm.golden.json")
with open(path, "w") as f:
    json.dump({"numpy": np.__version__, "cases": cases}, f, separators=(",", ":"))
print(f"{len(cases)} cases -> {path} ({os.path.getsize(path)} bytes)")
