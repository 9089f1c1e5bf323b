# round() of numpy scalars is an exact Python int (numpy 2's ndarray has no __round__), and number scalars have is_integer()
import numpy as np

cases = [
    lambda: round(np.float32(1e20)), lambda: round(np.float32(3e38)), lambda: round(np.float64(2**53 + 2)), lambda: round(np.float32(-1e25)),
    lambda: round(np.float32(2.5)), lambda: round(np.float64(-0.4)), lambda: round(np.int64(2**60 + 1)), lambda: round(np.uint64(2**64 - 1)),
    lambda: round(np.int8(-5)), lambda: round(np.float32(2.25), 1), lambda: round(np.float64(1234.5), -2), lambda: round(np.float64("nan")),
    lambda: round(np.float32("inf")), lambda: round(np.array([1.5, 2.5])), lambda: round(np.array(2.5), 1), lambda: round(np.bool_(True)),
]
for f in cases:
    try:
        r = f()
        print(type(r).__name__, repr(r))
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)
for v in [np.float32(2.0), np.float16(2.5), np.float64(np.inf), np.int8(3), np.uint64(5), np.bool_(True), np.float64(np.nan), np.float64(-0.0), np.float64(1e300)]:
    try:
        print(repr(v), v.is_integer())
    except AttributeError as e:
        print(repr(v), "AttributeError", e)
try:
    np.array([1.0]).is_integer()
except AttributeError as e:
    print("AttributeError", e)
