# assert_array_equal failure with shapes, uncaught
import numpy as np
from numpy.testing import assert_array_equal
a = np.arange(6).reshape(2, 3)
b = a.copy()
assert_array_equal(a, b)
print("equal")
b[1, 1] = 40
print(b)
assert_array_equal(a, b)
print("unreachable")
