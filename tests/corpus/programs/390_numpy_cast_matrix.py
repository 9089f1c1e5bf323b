# Casts as numpy performs them on x86: float -> uint32 through int32 (shifted by 2^31 from 2^31 up),
# out-of-range floats as numpy's invalid-value warning, ints past float16 as overflow, and Python
# ints past int64 among floats becoming floats (np.array([1.5, 2**63])).
import numpy as np
vals = [0.0, -0.0, 0.5, -0.5, 1.5, 2.5, -1.5, 127.5, 128.0, 255.5, 256.0, -129.0, 65504.0, 65520.0, 1e10, -1e10, 3.4e38, 1e39, np.inf, -np.inf, np.nan, 1e-8, 6e-8, 3e-8, 1e-45, 2**31, 2**32 + 0.5, -2**31 - 1, 2**53 + 1, 2**63, 1.0000001]
src = np.array(vals)
for dt in [np.float32, np.float16, np.int8, np.uint8, np.int16, np.uint16, np.int32, np.uint32, np.int64, np.bool_]:
    with np.errstate(all="ignore"):
        r = src.astype(dt)
    print(dt.__name__, r.tolist())
f32 = src.astype(np.float32)
for dt in [np.float16, np.int8, np.uint8, np.int32, np.uint32, np.int64, np.float64]:
    with np.errstate(all="ignore"):
        print("f32->", dt.__name__, f32.astype(dt).tolist())
ints = np.array([-300, -129, -1, 0, 127, 128, 255, 256, 65535, 65536, 2**31, 2**40])
for dt in [np.int8, np.uint8, np.int16, np.uint16, np.int32, np.uint32, np.float16, np.float32, np.bool_]:
    print("i64->", dt.__name__, ints.astype(dt).tolist())
a = np.array([2**40 + 5, -2**33 - 7, 2**32 + 3, -1, 3000000000, 2**53])
print(a.astype(np.uint32).tolist(), a.astype(np.int32).tolist(), a.astype(np.uint16).tolist(), (a + np.uint32(0)).dtype)
print(np.array([4294967296 + 9], np.int64).astype(np.uint32), np.uint32(7) + np.array([2**33], np.int64))
print(np.array([1e10, -1e10, 2**31 + 0.5, -0.5]).astype(np.uint32).tolist())
