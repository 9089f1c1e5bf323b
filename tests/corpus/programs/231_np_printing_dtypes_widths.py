# Printing arrays of many dtypes and widths
import numpy as np
for dt in [np.int8, np.int16, np.int32, np.int64, np.uint8, np.uint16, np.uint32, np.float16, np.float32, np.float64, np.bool_]:
    x = (np.arange(6) * 37 - 50).astype(dt)
    print(dt.__name__, x, repr(x))
print(np.array([[1, 22, 333], [-4444, 5, 66]]))
print(np.array([[0.5, 22.25], [-333.125, 4.0]], dtype=np.float32))
print(np.array([1e-3, 5e-4], dtype=np.float16), np.array([65504], dtype=np.float16))
print(repr(np.array([[True, False], [False, True]])))
print(repr(np.zeros((2, 2), dtype=np.float32)), repr(np.ones((1, 3), dtype=np.int16)))
print(np.array([-0.0, 0.0]), repr(np.array([np.nan], dtype=np.float32)))
