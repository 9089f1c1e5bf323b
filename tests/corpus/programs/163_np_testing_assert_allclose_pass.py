# numpy.testing assertions that pass print nothing
import numpy as np
from numpy.testing import assert_allclose, assert_array_equal
import numpy.testing as npt
a = np.arange(6, dtype=np.float32).reshape(2, 3)
assert_allclose(a, a * (1 + 1e-7), rtol=1e-5)
assert_array_equal(a, a.copy())
npt.assert_allclose(np.exp(np.zeros(3)), np.ones(3))
npt.assert_allclose(1.0, 1.0 + 1e-9)
assert_array_equal(np.array([1, 2]), [1, 2])
try:
    assert_array_equal(np.array([1, 2, 3]), np.array([1, 2, 4]))
except AssertionError as e:
    print("caught mismatch")
    print(str(e).strip().splitlines()[0])
print("all checks passed")
