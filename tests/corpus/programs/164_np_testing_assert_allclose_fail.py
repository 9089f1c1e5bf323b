# assert_allclose failure: numpy's full message, uncaught
import numpy as np
expected = np.array([1.0, 2.0, 3.0, 4.0])
actual = expected.copy()
actual[2] = 3.01
print("max abs diff", np.abs(actual - expected).max())
np.testing.assert_allclose(actual, expected, rtol=1e-2)
print("within 1e-3")
np.testing.assert_allclose(actual, expected, rtol=1e-5, atol=0)
print("unreachable")
print("unreachable too")
