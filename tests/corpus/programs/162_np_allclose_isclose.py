# allclose, isclose, array_equal
import numpy as np
a = np.array([1.0, 2.0, 3.0])
b = a + 1e-9
c = a + np.array([0.0, 1e-3, 0.0])
print(np.allclose(a, b), np.allclose(a, c), np.allclose(a, c, atol=1e-2), np.allclose(a, c, rtol=1e-3))
print(np.isclose(a, c), np.isclose(a, c, atol=0, rtol=1e-4), np.isclose(0.0, 1e-9), np.isclose(np.nan, np.nan), np.isclose(np.nan, np.nan, equal_nan=True))
print(np.array_equal(a, a.copy()), np.array_equal(a, b), np.array_equal(a, a[:2]), np.array_equal([1, 2], np.array([1, 2])))
print(np.allclose(np.array([1.0, np.inf]), np.array([1.0, np.inf])), np.allclose(1.0, np.array([1.0, 1.0])))
x = np.array([1, 2, 3], dtype=np.float32)
print(np.allclose(x, x.astype(np.float64) + 1e-7), np.array_equal(x, np.array([1, 2, 3])), type(np.allclose(x, x)).__name__)
print(bool(np.isclose(1.0, 1.0 + 1e-8)), np.isclose(a, 2.0))
