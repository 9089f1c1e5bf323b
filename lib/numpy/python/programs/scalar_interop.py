# numpy scalars and arrays under Python's divmod, int()/float() and indexing, as numpy 2.4 behaves
import numpy as np

a = np.arange(3)
print(divmod(np.int64(7), 2), divmod(7, np.int64(2)), divmod(np.float64(7.5), 2), divmod(np.int8(7), np.int8(-2)))
print(divmod(np.int64(-7), 2.0), divmod(np.uint8(7), 2), divmod(np.array([7, -8]), 3), divmod(2.5, np.float32(-1)))
print(int(np.array(5)), float(np.array(2.5)), int(np.int8(3)), float(np.float32(0.5)))
for bad in [lambda: int(a), lambda: float(a), lambda: int(np.array([5])), lambda: float(np.array([[5.5]])),
            lambda: int(np.array([])), lambda: a[np.float64(1)], lambda: a[np.float32(1), 0], lambda: a[np.array(1.0)],
            lambda: a[np.array([1.0])]]:
    try:
        print(bad())
    except (TypeError, IndexError) as e:
        print(type(e).__name__ + ":", e)
