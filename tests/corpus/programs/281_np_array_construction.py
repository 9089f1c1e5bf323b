# np.array from nested and mixed Python data: dtype inference, ragged errors, copies from arrays
import numpy as np
print(np.array([1, 2.5, True]).dtype, np.array([True, False]).dtype, np.array([1, True]).dtype, np.array([[1], [2.0]]).dtype)
print(np.array([[1, 2], [3, 4]], dtype=np.float32), np.array((1, 2, 3)), np.array([np.float32(1), 2]).dtype)
print(np.array([np.arange(2), np.arange(2) + 5]), np.array([[[1]]]).shape, np.array(range(4)))
print(np.array([2 ** 40]).dtype, np.array([1.5], dtype=int), np.array([0, 1, 2], dtype=bool), np.array([3.9], dtype=np.int16))
print(np.array([[1, 2], [3, 4]]).T.copy().flags["C_CONTIGUOUS"], np.array(np.arange(3), dtype=np.float16))
for bad in [lambda: np.array([[1, 2], [3]]), lambda: np.array([1, [2, 3]]), lambda: np.array([[1], 2])]:
    try:
        bad()
    except ValueError as e:
        print("ValueError:", e)
nested = [[i * j for j in range(4)] for i in range(3)]
arr = np.array(nested)
print(arr, arr.dtype, arr.tolist() == nested)
