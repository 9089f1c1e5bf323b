"""numpy float32 matmul goldens for lib/numpy/kernels (compared within float32 rounding: the
summation order differs). Run: python3 lib/numpy/kernels/gen/matmul.gen.py"""
import json, os
import numpy as np

rng = np.random.default_rng(20261125)
cases = []
for m, k, n in [(1, 1, 1), (3, 5, 7), (16, 16, 16), (33, 300, 9), (20, 260, 24), (5, 600, 3)]:
    a = rng.standard_normal((m, k)).astype(np.float32)
    b = rng.standard_normal((k, n)).astype(np.float32)
    c = a @ b
    cases.append({"m": m, "k": k, "n": n, "a": a.ravel().tolist(), "b": b.ravel().tolist(), "c": c.ravel().tolist(),
                  "absdot": (np.abs(a).astype(np.float64) @ np.abs(b).astype(np.float64)).ravel().tolist()})
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "golden", "matmul.json")
os.makedirs(os.path.dirname(path), exist_ok=True)
with open(path, "w") as f:
    json.dump({"numpy": np.__version__, "cases": cases}, f, separators=(",", ":"))
