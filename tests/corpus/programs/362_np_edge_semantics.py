# Edge semantics found by differential fuzzing: signed zeros through max/min/fmax/fmin (float16's
# loops keep the first of equal values, the SIMD float32/64 loops the second), cumsum/cumprod
# starting from the first element, sin(-0.0), integer reciprocal of 0, float-only ufuncs with a
# Python int outside an unsigned array's range.
import warnings
import numpy as np
warnings.simplefilter("ignore")

for d in (np.float16, np.float32, np.float64):
    a = np.full(300, -0.0, dtype=d)
    b = np.zeros(300, dtype=d)
    print(d.__name__, [str(f(x, y)[0]) for f in (np.maximum, np.minimum, np.fmax, np.fmin) for x, y in ((a, b), (b, a))])
print(np.minimum(np.array([-0.0, 65504.0, 0.0], dtype=np.float16), 0))
print(np.fmax(np.array([-0.0, 1e-40, -2.25, -2.25], dtype=np.float32), 0))
print(np.cumsum(np.array([-0.0, -0.0])), np.cumprod(np.array([-0.0, 1.0])), np.cumsum(np.array([-0.0, 3.0, -np.inf])))
print(np.sin(np.array([3.0, -0.0, np.nan], dtype=np.float32)), np.sin(np.array([-0.0])))
for d in (np.int8, np.int16, np.int32, np.int64, np.uint8, np.uint32):
    print(d.__name__, np.reciprocal(np.array([0, 1, 2, 3], dtype=d)))
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    np.reciprocal(np.array([0, 1], dtype=np.int32))
print([str(m.message) for m in w])
print(np.copysign(np.array([3, 127, 0], dtype=np.uint8), -1), np.hypot(np.array([200], dtype=np.uint16), -1))
print(np.arctan2(np.array([1], dtype=np.uint8), -300).dtype, np.copysign(np.array([1], dtype=np.int8), -1000))
