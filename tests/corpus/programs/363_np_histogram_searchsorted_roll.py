# np.histogram (equal-width and explicit edges, ranges, weights, density, errors), np.searchsorted
# (sides, NaN last, sorter), np.roll (axes, tuples, flattened) and ndarray.take, against numpy.
import numpy as np
rng = np.random.default_rng(5)
x = rng.standard_normal(1000)
for b in (1, 3, 10, 17):
    h, e = np.histogram(x, bins=b)
    print(b, h, e[[0, -1]], h.sum())
print(np.histogram(x.astype(np.float32), bins=7))
print(np.histogram(np.arange(10), bins=4))
print(np.histogram([1, 2, 2, 3, 3, 3], bins=[1, 2, 3]))
print(np.histogram([1, 2, 2, 3, 3, 3, 4.5], bins=[0, 1.5, 3, 4]))
print(np.histogram([0.0, 0.1, 0.2, 0.30000000000000004, 0.7, 1.0], bins=10, range=(0, 1)))
print(np.histogram(np.linspace(0, 1, 101), bins=10))
print(np.histogram([5, 5, 5]), np.histogram([], bins=3))
print(np.histogram(x, bins=5, density=True)[0].round(6))
print(np.histogram([1.0, 2.0, 2.5], bins=2, weights=[0.5, 2.0, 1.0]))
for bad in (lambda: np.histogram([1, 2], bins=0), lambda: np.histogram([1, np.nan]), lambda: np.histogram([1, 2], bins=[2, 1]), lambda: np.histogram([1, 2], range=(3, 1))):
    try:
        bad()
    except ValueError as e:
        print("ValueError:", e)
a = np.array([1, 2, 2, 3, 5, np.nan])
print(np.searchsorted(a, [2, 2.5, 0, 9, np.nan]), np.searchsorted(a, 2, side="right"), a.searchsorted([3, np.nan], "right"))
print(np.searchsorted([3, 1, 2], 2, sorter=[1, 2, 0]))
b = np.arange(12).reshape(3, 4)
print(np.roll(b, 1), np.roll(b, -1, axis=1), np.roll(b, (1, 2), axis=(0, 1)), np.roll(b, 5, axis=0), np.roll(np.arange(5), (1, 1)))
print(b.take([0, -1]), b.take([[0, 2]], axis=1), np.take(b, 5))
try:
    b.take([12])
except IndexError as e:
    print("IndexError:", e)
