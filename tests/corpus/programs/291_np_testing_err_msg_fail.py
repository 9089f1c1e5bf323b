# assert_allclose with err_msg and equal_nan, then an uncaught failure on mismatched shapes
import numpy as np
from numpy.testing import assert_allclose
a = np.array([1.0, np.nan, 3.0])
assert_allclose(a, a.copy())
try:
    assert_allclose(a, a.copy(), equal_nan=False)
except AssertionError as e:
    print("nan mismatch:", str(e).splitlines()[1])
try:
    assert_allclose([1.0, 2.0], [1.0, 2.5], err_msg="kernel output")
except AssertionError as e:
    print(str(e).splitlines()[1:3])
assert_allclose(np.ones((2, 3)), np.ones((3, 2)))
print("unreachable")
