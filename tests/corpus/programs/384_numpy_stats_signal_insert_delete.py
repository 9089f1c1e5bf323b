# np.cov, corrcoef, convolve, correlate (modes, swapped operands), digitize (increasing, decreasing,
# right), insert/delete (index, list, slice, axis), cross and cumulative_sum/prod, with numpy's errors.
import numpy as np
rng = np.random.default_rng(2)
m = rng.standard_normal((3, 6))
f = rng.standard_normal((4, 5)).astype(np.float32)
cases = [
 lambda: np.cov(np.array([[1., 2, 3, 4], [2, 1, 0.5, 7]])), lambda: np.cov(m), lambda: np.cov(m, rowvar=False).shape, lambda: np.cov(m[0], m[1]), lambda: np.cov([1, 2, 4], bias=True), lambda: np.cov(f).dtype, lambda: np.cov(m, ddof=0),
 lambda: np.corrcoef(m), lambda: np.corrcoef(m[0], m[1]), lambda: np.corrcoef([1, 2, 3]),
 lambda: np.convolve([1, 2, 3], [0, 1, 0.5]), lambda: np.convolve([1, 2, 3], [0, 1, 0.5], 'same'), lambda: np.convolve([1, 2, 3], [0, 1, 0.5], 'valid'), lambda: np.convolve([1, 2], [1, 2, 3, 4]),
 lambda: np.correlate([1, 2, 3], [0, 1, 0.5]), lambda: np.correlate([1, 2, 3], [0, 1, 0.5], 'full'), lambda: np.correlate([1, 2], [1, 2, 3, 4], 'full'), lambda: np.convolve(np.array([1, 2, 3], np.int32), [1, 1]), lambda: np.convolve(np.array([1.5, 2], np.float32), np.array([1, 1], np.float32)),
 lambda: np.digitize([0.2, 6.4, 3.0, 1.6], [0.0, 1.0, 2.5, 4.0, 10.0]), lambda: np.digitize([1, 2.5], [0, 1, 2.5], right=True), lambda: np.digitize([1, 5], [10, 5, 0]), lambda: np.digitize(3, [1, 2, 5]), lambda: np.digitize([1], [1, 3, 2]),
 lambda: np.insert(np.arange(5), 2, 99), lambda: np.insert(np.arange(6).reshape(2, 3), 1, [7, 8, 9], axis=0), lambda: np.insert(np.arange(6).reshape(2, 3), 1, [7, 8], axis=1), lambda: np.insert(np.arange(5), [1, 3], [10, 20]), lambda: np.insert(np.arange(5.0), 5, 1.5), lambda: np.insert(np.arange(6).reshape(2, 3), 2, 0),
 lambda: np.delete(np.arange(6), [0, 2]), lambda: np.delete(np.arange(6).reshape(2, 3), 1, axis=1), lambda: np.delete(np.arange(5), slice(1, 3)), lambda: np.delete(np.arange(6).reshape(2, 3), 0), lambda: np.delete(np.arange(5), 7),
 lambda: np.cross([1, 2, 3], [4, 5, 6]), lambda: np.cross(np.array([[1., 0, 0], [0, 1, 0]]), [0, 0, 1]), lambda: np.cross([1, 2, 3], [4, 5]),
 lambda: np.cumulative_sum(np.arange(4)), lambda: np.cumulative_sum(np.arange(4), include_initial=True), lambda: np.cumulative_prod(np.arange(1, 5.)), lambda: np.cumulative_sum(np.arange(6).reshape(2, 3), axis=1, include_initial=True), lambda: np.cumulative_sum(np.ones((2, 2))),
]
for i, c in enumerate(cases):
    try:
        print(i, repr(c()))
    except Exception as e:
        print(i, type(e).__name__, e)
