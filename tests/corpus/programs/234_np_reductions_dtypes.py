# Reduction result dtypes and values for float16/float32/int/bool inputs
import numpy as np
arrays = {
    "f16": np.array([0.1, 0.2, 0.7], dtype=np.float16),
    "f32": np.array([0.1, 0.2, 0.7], dtype=np.float32),
    "i32": np.array([1, 2, 4], dtype=np.int32),
    "i8": np.array([100, 100, 100], dtype=np.int8),
    "b": np.array([True, True, False]),
}
for name, x in arrays.items():
    s, m, mx = x.sum(), x.mean(), x.max()
    print(name, s, s.dtype, m, m.dtype, mx, mx.dtype, x.prod().dtype, np.cumsum(x).dtype)
print(np.var(arrays["f32"]).dtype, np.std(arrays["i32"]), np.argmax(arrays["b"]))
