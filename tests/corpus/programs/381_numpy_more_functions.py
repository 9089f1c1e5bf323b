# numpy functions added together: append, meshgrid, broadcast_arrays, average, ptp, tensordot, kron,
# diagonal, rot90, hsplit/vsplit, select, tri/tril_indices, indices, isin, interp, flatnonzero,
# nanargmax/nanargmin, copyto, conj/real/imag, the printoptions context manager and ndarray's
# diagonal/trace/conj/real/imag/mT.
import numpy as np

np.random.seed(1)
a = np.arange(12.0).reshape(3, 4)
f = (np.random.randn(3, 4) * 2).astype(np.float32)
print(np.append(a, [1, 2]), np.append(a, [[9, 9, 9, 9]], axis=0), np.concat([a, a]).shape)
print(np.meshgrid(np.arange(3), np.arange(2)), np.meshgrid([1.5, 2], [3], [4, 5], sparse=True))
print(np.broadcast_arrays(np.arange(3), np.arange(2)[:, None]), np.broadcast_shapes((3, 1), (1, 4), (4,)))
print(np.average(a, axis=1, weights=[1, 2, 3, 4]), np.average(f, axis=0, weights=[1, 0, 2], returned=True))
for bad in (lambda: np.average(a, weights=np.zeros((3, 4))), lambda: np.average(a, weights=[1, 2])):
    try:
        bad()
    except (ZeroDivisionError, TypeError) as e:
        print(type(e).__name__, e)
print(np.ptp(f, axis=1), np.ptp(np.array([3, 200], np.uint8)))
print(np.tensordot(a, a), np.tensordot(a, a.T, axes=1), np.tensordot(np.arange(24).reshape(2, 3, 4), np.arange(12).reshape(4, 3), axes=([1, 2], [1, 0])))
print(np.kron(np.eye(2), np.arange(4).reshape(2, 2)), np.kron(f[:2, :2], np.ones((2, 1), np.float32)))
print(np.diagonal(a, 1), np.diagonal(np.arange(24).reshape(2, 3, 4), axis1=1, axis2=2), a.diagonal(-1), a.trace(1))
print(np.rot90(a), np.rot90(a, -1), np.rot90(np.arange(8).reshape(2, 2, 2), 1, (1, 2)))
print(np.hsplit(a, 2), np.vsplit(a, 3))
print(np.select([a > 8, a < 2], [a, -a]), np.select([a > 5], [a.astype(np.float32)], default=np.nan))
print(np.tri(3, 4, 1, dtype=int), np.tril_indices(4, -1, 3), np.tril_indices_from(a), np.indices((2, 3)))
print(np.isin(a, [1, 5, 7]), np.isin([1.0, np.nan], [np.nan, 1]), np.isin(a, [2, 3], invert=True))
print(np.interp([0, 1, 1.5, 2.72, 3.14, 5], [1, 2, 3], [3, 2, 0]), np.interp([0, 4], [1, 2, 3], [3, 2, 0], left=-1, right=9))
print(np.flatnonzero(a > 5), np.nanargmax(np.array([1, np.nan, 3])), np.nanargmin(np.array([[1, np.nan], [np.nan, 0]]), axis=0))
try:
    np.nanargmax(np.array([np.nan, np.nan]))
except ValueError as e:
    print("ValueError:", e)
b = np.zeros((2, 3), np.int32)
np.copyto(b, np.array([1, 2, 3], np.int16))
np.copyto(b, 7, where=np.array([[True, False, True], [False, False, True]]))
print(b)
try:
    np.copyto(b, np.array([1.5, 2, 3]))
except TypeError as e:
    print("TypeError:", e)
print(repr(np.conj(a[0])), repr(np.imag(f[0])), repr(a.real is a), repr(a.imag[0]), repr(np.arange(24).reshape(2, 3, 4).mT.shape))
with np.printoptions(precision=3, suppress=True) as opts:
    print(np.array([1.23456789, 1e-8]), opts["precision"])
print(np.array([1.23456789, 1e-8]))
print(np.ptp(np.arange(24.0).reshape(2, 3, 4), axis=(0, 1), keepdims=True), np.ptp(f, axis=(0, 1)))
