# numpy.testing's mismatch lines format each element with an f-string, which turns a float32 or
# float16 value into the Python float it converts to; verbose=False leaves the operands out.
import numpy as np

np.random.seed(137)
a = (np.random.randn(5) * 0.001).astype(np.float32)
for actual, kwargs in [
    (a + np.float32(1), {"rtol": 1e-5, "atol": 1e-6}),
    (a * 1.01, {"rtol": 1e-3, "atol": 0}),
    (a.astype(np.float16), {"rtol": 1e-7}),
    (a + 1e-4, {"rtol": 1e-7, "verbose": False}),
    (a.reshape(5, 1)[:4], {"verbose": False}),
    (np.array(1.1, dtype=np.float32), {"rtol": 0}),
]:
    try:
        np.testing.assert_allclose(actual, a if actual.ndim != 0 else np.float32(1.2), **kwargs)
        print("ok")
    except AssertionError as e:
        print(e)
for x, y, verbose in [(np.arange(4), np.array([0, 1, 2, 4]), True), (np.arange(3.0), np.arange(3.0) + 0.5, False)]:
    try:
        np.testing.assert_array_equal(x, y, verbose=verbose)
    except AssertionError as e:
        print(e)
try:
    np.testing.assert_array_almost_equal(np.array([1.0, 2.0]), np.array([1.0, 2.1]), decimal=3, verbose=False)
except AssertionError as e:
    print(e)
