"""Writes transcendental.golden.json: numpy's float32 np.exp and np.tanh on edge values.

Run: python3 lib/numpy/kernels/transcendental.gen.py
Inputs: nan, +-inf, +-0, subnormals, extremes, exp's overflow/underflow thresholds and their float32
neighbours, tanh's saturation region, then a ragged random tail (total 1003 elements, not a multiple
of any vector width). Arrays are raw little-endian float32 bytes in base64.
"""
import base64, json, os
import numpy as np

f32 = np.float32
fi = np.finfo(f32)
sub = fi.smallest_subnormal
special = [np.nan, np.inf, -np.inf, 0.0, -0.0, 1.0, -1.0, sub, -sub, 3 * sub, fi.max, -fi.max,
           fi.smallest_normal, -fi.smallest_normal, 1e-30, -1e-30, 0.5, -0.5, 9.0, -9.0, 9.1, 20.0, -20.0, 22.0]
# exp's thresholds in npy-math.ts (and numpy's AVX512F loop): x >= 88.72283935546875 overflows,
# x <= -103.97208404541015625 gives 0.
for t in (88.72283935546875, -103.97208404541015625, 88.0, -87.33654, -103.0):
    v = f32(t)
    special += [np.nextafter(v, f32(-np.inf)), v, np.nextafter(v, f32(np.inf))]
rng = np.random.default_rng(11)
x = np.concatenate([
    np.array(special, dtype=f32),
    (rng.standard_normal(400) * 30).astype(f32),
    (rng.standard_normal(300) * 1e-3).astype(f32),
    rng.uniform(-110, 95, 1003 - len(special) - 700).astype(f32),
])
assert len(x) == 1003
with np.errstate(all="ignore"):
    exp = np.exp(x)
    tanh = np.tanh(x)


def b64(a):
    return base64.b64encode(np.ascontiguousarray(a, dtype=f32).tobytes()).decode()


path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "transcendental.golden.json")
with open(path, "w") as f:
    json.dump({"numpy": np.__version__, "x": b64(x), "exp": b64(exp), "tanh": b64(tanh)}, f, separators=(",", ":"))
print(f"{len(x)} inputs -> {path}")
