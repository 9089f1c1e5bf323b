# float32 np.exp and np.tanh equal numpy's own SIMD results bit for bit (no tolerance): large arrays
# (the WebAssembly loops), small ones and scalars, interval edges, thresholds, nan and inf
import numpy as np

rng = np.random.default_rng(7)
x = (rng.standard_normal(5000) * 6).astype(np.float32)
for f in (np.exp, np.tanh):
    y = f(x)
    bits = y.view(np.uint32)
    print(f.__name__, y.dtype, int(bits.sum(dtype=np.uint64)), int(bits[::7].sum(dtype=np.uint64)))
    print(repr(y[:6]))
    small = f(x[:40])
    print(bool(np.array_equal(small, y[:40])), [float(v) for v in small[:4]])

edges = np.array([0.046875, 0.0468749963, 0.0703125, 1.0, 1.25, 8.99999905, 9.0, 9.5, 1e-40, -1e-40,
                  88.72283, 88.72284, -87.33655, -103.97208, -103.972084, 0.0, -0.0,
                  np.inf, -np.inf, np.nan], dtype=np.float32)
with np.errstate(over="ignore"):
    for f in (np.exp, np.tanh):
        print(f.__name__, [float(v) for v in f(edges)])
        print(f.__name__, [float(f(np.float32(v))) for v in edges[:6]])
print(np.tanh(np.float32(0.5)), np.exp(np.float32(-0.5)), type(np.tanh(np.float32(2))).__name__)
