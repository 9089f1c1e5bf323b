# Numeric checks and mismatch reports: allclose, isclose counts, worst element location, relative error
import numpy as np

np.random.seed(7)
expected = np.random.randn(16, 32).astype(np.float32)
actual = expected.copy()
actual[3, 5] += 0.5
actual[10, 31] -= 0.02
close = np.isclose(actual, expected, rtol=1e-3, atol=1e-3)
mismatch = int((~close).sum())
total = close.size
print(np.allclose(actual, expected, rtol=1e-3, atol=1e-3), np.allclose(actual, expected, atol=0.6))
print(f"Mismatched elements: {mismatch} / {total} ({100 * mismatch / total:.3f}%)")
diff = np.abs(actual - expected)
worst = np.unravel_index(np.argmax(diff), diff.shape)
print("worst at", worst, tuple(int(i) for i in worst), f"{diff[worst]:.6f}")
rel = diff / np.maximum(np.abs(expected), 1e-6)
print(f"max abs {diff.max():.6f} max rel {rel.max():.4e} mean abs {diff.mean():.3e}")
bad = np.argwhere(~close)
for r, c in bad:
    print(f"  [{r:2d}, {c:2d}] got {actual[r, c]: .5f} want {expected[r, c]: .5f}")
print(np.count_nonzero(diff > 0.01), np.array_equal(actual, expected), np.array_equal(expected, expected.copy()))
print(bool(np.all(np.isfinite(actual))), np.isnan(actual).any(), type(np.allclose(actual, actual)).__name__)
cos = float(np.dot(actual.ravel(), expected.ravel()) / (np.linalg.norm(actual) * np.linalg.norm(expected)))
print(f"cosine similarity {cos:.6f}", cos > 0.999)
