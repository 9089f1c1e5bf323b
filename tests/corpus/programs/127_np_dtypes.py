# dtype objects, names, itemsize, kinds, astype
import numpy as np
for dt in [np.float64, np.float32, np.float16, np.int8, np.int16, np.int32, np.int64, np.uint8, np.uint16, np.uint32, np.bool_]:
    d = np.dtype(dt)
    print(d, d.name, d.itemsize, d.kind, d.char)
a = np.arange(6)
print(a.dtype, a.astype(np.float32).dtype, a.astype("float16").dtype, a.astype(bool))
print(np.array([1.5, -2.7, 3.9]).astype(np.int32), np.array([300, -1]).astype(np.uint8), np.array([1e10]).astype(np.int32).dtype)
print(np.dtype("float32") == np.float32, np.dtype("int32") == np.dtype(np.int32), np.dtype(float), np.dtype(int))
print(np.array([True, False]).dtype, np.array([1, 2.0]).dtype, np.array([1, 2]).dtype.kind)
print(a.astype(np.float32).itemsize, a.nbytes, a.astype(np.int8).nbytes, a.size, a.ndim)
print(np.float32(3.14159).dtype, np.float16(1).dtype.itemsize)
print(np.finfo(np.float32).eps, np.finfo(np.float16).max, np.iinfo(np.int8).min, np.iinfo(np.uint16).max)
