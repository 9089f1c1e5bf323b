# Arrays mixing magnitudes switch to scientific notation; wide rows wrap at 75 characters
import numpy as np
print(np.array([1.0, 1e5]))
print(np.array([1.0, 1e16]))
print(np.array([1.5, 1e-5]))
print(np.array([0.1, 1e-9]))
print(np.array([1e20, -1e-20, 0.0]))
print(np.arange(30, dtype=np.float64) * 1.5)
print(np.arange(40) * 1001)
print(np.linspace(-1, 1, 16, dtype=np.float32))
print(np.array([[1e10, 1], [2, 3]], dtype=np.float32))
print(np.array([123456.789, 0.001], dtype=np.float32))
print(np.array([1, 2, 3]) / 7)
