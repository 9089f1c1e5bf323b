# numpy scalars: overflow on negating unsigned or the most negative signed value (scalars only),
# divmod reporting as one ufunc, round() of numpy.bool, format() of float scalars with an empty spec.
import warnings
import numpy as np

with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    print(-np.uint8(200), -np.int8(-128), -np.uint8(0), -np.array([200], dtype=np.uint8))
    print(divmod(np.float32(np.inf), 2), divmod(np.float64(5.0), 0.0), divmod(np.array([1.0]), 0))
print([str(m.message) for m in w])
try:
    round(np.bool_(True))
except TypeError as e:
    print(e)
print(round(np.float32(2.5)), round(np.int16(7)), round(np.float64(1.25), 1))
for v in (np.float32(1e-8), np.float16(0.1), np.float64(0.1), np.int64(42), np.bool_(False), np.float32(3.0)):
    print(repr(format(v, "")), repr(f"{v}"), repr(f"{v:}"), repr(str(v)))
print(repr(format(np.array(1.5, dtype=np.float32), "")))
