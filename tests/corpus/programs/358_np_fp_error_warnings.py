# numpy's floating-point error warnings: which operations report which kind, under which name, for
# small arrays, large ones (SIMD loops, several staging chunks), broadcasts, in-place and scalars.
import warnings
import numpy as np

def rec(label, f):
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        r = f()
    print(label, [str(x.message) for x in w], [x.category.__name__ for x in w][:1])
    return r

inf, nan = np.inf, np.nan
rec("div", lambda: np.array([1.0, 0.0, -1.0]) / 0)
rec("div32 big", lambda: np.ones(70001, dtype=np.float32) / np.concatenate([np.ones(70000, dtype=np.float32), [np.float32(0)]]))
rec("mul big", lambda: np.full(100000, 1e300) * np.concatenate([np.ones(99999), [1e10]]))
rec("sub inf big", lambda: np.full(5000, inf, dtype=np.float32) - np.concatenate([np.zeros(2500, dtype=np.float32), np.full(2500, inf, dtype=np.float32)]))
rec("inf in, no flag", lambda: np.full(5000, inf) + 1.0)
rec("nan in, no flag", lambda: np.full(5000, nan, dtype=np.float32) * 2)
rec("rows", lambda: np.ones((300, 64), dtype=np.float32) / np.concatenate([np.ones(63, dtype=np.float32), [np.float32(0)]]))
rec("cols", lambda: np.zeros((300, 64)) / np.zeros((300, 1)))
c = np.full(4096, 3e38, dtype=np.float32)
rec("inplace", lambda: c.__imul__(np.float32(10)))
print(c[:2], c.dtype)
rec("out=", lambda: np.add(np.full(300, 1e308), 1e308, out=np.empty(300)))
rec("exp", lambda: np.exp(np.concatenate([np.zeros(999, dtype=np.float32), [np.float32(100)]])))
rec("log", lambda: np.log(np.array([0.0, -1.0, 2.0])))
rec("sqrt big", lambda: np.sqrt(np.concatenate([np.ones(3000), [-1.0]])))
rec("sqrt16", lambda: np.sqrt(np.array([-1.0], dtype=np.float16)))
rec("float16 add", lambda: np.full(600, 60000, dtype=np.float16) + np.float16(60000))
rec("intdiv", lambda: np.arange(5) // np.array([1, 1, 0, 1, 1]))
rec("intmod", lambda: np.arange(5, dtype=np.int8) % 0)
rec("pow", lambda: (np.array([0.0]) ** -1, np.array([1e200]) ** 2, np.array([-inf]) ** 0.5, np.array([0.0]) ** -2.0))
rec("reciprocal", lambda: np.reciprocal(np.array([0.0, 2.0])))
rec("casts", lambda: (np.array([1e300]).astype(np.float32), np.array([nan, 3e9]).astype(np.int32), np.array([1e5]).astype(np.float16)))
rec("silent casts", lambda: (np.array([300.0, -1.0]).astype(np.int8), np.array([1e300]).astype(np.float64), np.array([nan]).astype(bool)))
rec("ctors", lambda: (np.float32(1e40), np.float16(70000), np.array([1e40, 1.0], dtype=np.float32)))
rec("reduce", lambda: (np.full(1000, 1e308).sum(), np.array([3e38, 3e38], dtype=np.float32).sum(), np.mean([inf, -inf])))
rec("accumulate", lambda: np.cumsum([1e308, 1e308]))
rec("products", lambda: (np.dot([1e200, 1.0], [1e200, 1.0]), np.array([[1e200]]) @ np.array([[1e200]]), np.linalg.norm([1e200, 1e200])))
rec("scalars", lambda: (np.float32(3e38) * np.float32(10), np.float64(1.0) / 0, np.int8(100) + np.int8(100), np.int64(2**62) * 4))
rec("0-d arrays", lambda: (np.array(1e308) * 10, np.array(100, dtype=np.int8) + np.int8(100)))
rec("quiet helpers", lambda: (np.isclose([inf, nan], [inf, 1.0]), np.allclose([inf], [inf]), np.maximum([nan], 1), np.array([nan]) < 1))
r = rec("var", lambda: (np.var([1e200, -1e200]), np.std(np.array([3e38, -3e38], dtype=np.float32))))
print(r)
