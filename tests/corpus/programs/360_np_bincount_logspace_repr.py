# corpus: tolerance=1e-12
# Host-side helpers: histogram a tile schedule with bincount, log-spaced sweep sizes, array_repr/array_str in log lines
import numpy as np

tiles = np.array([0, 2, 2, 5, 1, 0, 2, 7])
print(repr(np.bincount(tiles)), np.bincount(tiles).dtype)
cost = np.array([1.5, 0.25, 0.25, 3.0, 2.0, 1.0, 0.5, 4.0])
print(repr(np.bincount(tiles, weights=cost, minlength=10)))
print(repr(np.bincount([], minlength=3)), repr(np.bincount([True, False, True])))
print(np.bincount(tiles).argmax(), np.bincount(tiles, minlength=12).shape)

sizes = np.logspace(7, 12, 6, base=2.0, dtype=int)
print(repr(sizes), sizes.dtype)
print(np.logspace(0, 3, 4))
print(repr(np.logspace(-2, 1, 7, endpoint=False)))
print(repr(np.geomspace(1, 1024, 11)), repr(np.geomspace(-1, -1000, 4)))
print(repr(np.geomspace(128, 8192, 7, dtype=np.int64)), np.geomspace(2, 3, 1), np.logspace(0, 1, 0).shape)

a = np.arange(6, dtype=np.float32).reshape(2, 3) / 3
print(np.array_repr(a))
print(np.array_str(a))
print(np.array_repr(a, precision=2), np.array_str(a, precision=3, suppress_small=True))
print(np.array_repr(np.arange(20.0), max_line_width=40))
print(np.array_repr(np.float64(2)), np.array_repr(np.int32(3)), np.array_repr(np.zeros((0, 2))))
print(f"tile counts: {np.array_str(np.bincount(tiles))}")

for bad in (lambda: np.bincount([-1, 2]), lambda: np.bincount([[1, 2]]), lambda: np.bincount(3),
            lambda: np.bincount([1, 2], minlength=-1), lambda: np.bincount([1], weights=[1.0, 2.0]),
            lambda: np.geomspace(0, 10), lambda: np.array_repr([1, 2]), lambda: np.array_str([1, 2])):
    try:
        bad()
    except (ValueError, TypeError, AttributeError) as e:
        print(type(e).__name__, e)
print(np.bincount([1, 1, 2], minlength=None))
