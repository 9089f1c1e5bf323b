# str and repr of numpy scalars across magnitudes and dtypes
import numpy as np
vals = [0.0, -0.0, 1.0, 0.1, 1e16, 1e-5, 123456789.0, 1.5e300, np.nan, np.inf, -np.inf, 2.5e-8]
for v in vals:
    print(str(np.float64(v)), repr(np.float64(v)), str(np.float32(v)), repr(np.float32(v)), str(np.float16(v)))
for v in [0, -1, 127, 255, 2 ** 31 - 1]:
    print(np.int64(v), repr(np.int8(v if v < 128 else 1)), repr(np.uint32(abs(v))), np.int16(v if v < 32768 else 0))
print(repr(np.bool_(False)), str(np.bool_(True)), np.float32(3.4028235e38), np.float16(65504))
print([np.float32(0.5), np.int64(3)], (np.float64(2.0),), {np.int32(1): np.float16(1.5)})
print(np.float64(1) / 3, np.float32(1) / 3, np.float16(1) / 3, np.float64(2) ** 0.5)
