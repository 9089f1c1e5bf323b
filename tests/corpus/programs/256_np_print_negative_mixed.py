# Sign columns, mixed negative values, integer-valued floats and large integers in arrays
import numpy as np
print(np.array([-1.0, 2.0, -3.0]))
print(np.array([-1.5, 2.25, 3.0]))
print(np.array([[-1, 2], [3, -40]]))
print(np.array([1.0, 2.0, 3.0]) * -1)
print(np.array([100000000.0, 1.0]))
print(np.array([2 ** 40, -(2 ** 40)]))
print(np.array([0.5, -0.5], dtype=np.float16))
print(np.array([[0.001, -0.002], [10.0, -20.0]]))
print(np.array([1e8, 1e9]), np.array([1e7, 1.5]))
print(np.array([-np.inf, 0.5, np.nan]), np.array([-0.0]))
print(np.array([9.99999e5, 1.0]), np.array([999999.5, 0.5]))
