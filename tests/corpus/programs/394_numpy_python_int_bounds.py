# Python ints at and past the int64/uint64 limits meeting arrays of every dtype: numpy's OverflowErrors, result dtypes and comparisons
import numpy as np, warnings
warnings.filterwarnings('ignore')
for d in [np.int8, np.uint8, np.uint16, np.int32, np.uint32, np.int64, np.uint64, np.float32, np.bool_]:
    row = []
    for v in [2**63 - 1, 2**63, 2**64 - 1, 2**64, -2**63, -2**63 - 1, 300]:
        a = np.array([1, 2], dtype=d)
        for name, f in [("a+v", lambda: a + v), ("v+a", lambda: v + a), ("a==v", lambda: a == v), ("a<v", lambda: a < v), ("arr", lambda: np.array([v], dtype=d))]:
            try:
                r = f()
                row.append(f"{name}:{r.dtype}")
            except Exception as e:
                row.append(f"{name}:{type(e).__name__[:4]}:{'bnd' if 'bounds' in str(e) else 'C' if 'C long' in str(e) else str(e)[:20]}")
    print(d.__name__, " ".join(row))
a = np.array([2**63 - 1, -2**63, 0], dtype=np.int64)
u = np.array([2**64 - 1, 0], dtype=np.uint64)
s = np.array([1, -1], dtype=np.int8)
for arr in (a, u, s):
    for v in (2**63, 2**64, -2**63 - 1, 2**70, 300, -300):
        print(arr.dtype, v, arr == v, arr != v, arr < v, arr <= v, arr > v, arr >= v, v < arr, v > arr, v == arr)
