# Assigning through basic indexing: a Python list is converted with at most the destination's
# dimensions (so [[7]] into a row is numpy's ValueError, while an array [[7]] broadcasts), a single
# element takes no sequence (TypeError for int arrays, ValueError for floats and arrays), and
# advanced indexing converts the value first.
import numpy as np

a = np.arange(60).reshape(3, 4, 5).astype(np.float32)
b = np.arange(12).reshape(3, 4)
cases = [
    ("b", 0, [[7]]), ("b", 0, np.array([[7]])), ("b", (slice(None), 1), [[7]]), ("b", (0, slice(0, 2)), [[7]]),
    ("b", ([0, 1],), [[7]]), ("b", (np.array([True, False, True]),), [[7]]), ("b", (0, 1), [[7]]), ("b", (0, 1), [1, 2]),
    ("b", (0, 1), np.array([7])), ("a", (0, 1, 2), [[7]]), ("a", (0, 1, 2), np.arange(3)), ("a", (0, 1, 2), [7]),
    ("a", (0, slice(None), 2), [1, 2, 3, 4]), ("a", (Ellipsis, 0), [[1], [2], [3]]), ("a", (0, None, 1), [[5, 6, 7, 8, 9]]),
    ("b", (slice(None, None, -1), 0), (1, 2, 3)), ("b", (0, 1), np.float32(2.5)),
]
for name, index, value in cases:
    c = {"a": a, "b": b}[name].copy()
    try:
        c[index] = value
        print(name, index, "ok", c.ravel()[:10])
    except (ValueError, TypeError) as e:
        print(name, index, type(e).__name__, e)
