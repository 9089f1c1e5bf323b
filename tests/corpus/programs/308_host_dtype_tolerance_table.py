# Tolerances keyed by numpy dtype classes, dtype names and item sizes, as assignment utils do
import numpy as np

dtype_tol = {
    np.float32: {"rtol": 1e-5, "atol": 1e-6},
    np.float16: {"rtol": 1e-2, "atol": 1e-3},
}
for dtype in dtype_tol:
    rtol = dtype_tol[dtype]["rtol"]
    atol = dtype_tol[dtype]["atol"]
    dt = np.dtype(dtype)
    print(dt.name, dt.itemsize, dtype.__name__, f"rtol={rtol:g} atol={atol:.0e}")
print(np.float32 in dtype_tol, np.dtype("float16").type in dtype_tol, np.float64 in dtype_tol)
print(dtype_tol.get(np.float64, {"rtol": 0})["rtol"])
x = np.linspace(0, 1, 5, dtype=np.float32)
for dtype, tol in dtype_tol.items():
    y = x.astype(dtype)
    close = np.allclose(y.astype(np.float32), x, rtol=tol["rtol"], atol=tol["atol"])
    print(f"{str(y.dtype):>8}: {close} nbytes={y.nbytes} bytes={y.size * y.itemsize}")
sizes = {np.dtype(t).name: np.dtype(t).itemsize for t in (np.int8, np.int32, np.float64, np.uint16)}
print(sizes, sorted(sizes, key=sizes.get))
print(np.dtype(np.float32) == np.float32, np.dtype("float32") == "float32", x.dtype == np.float32)
print(np.float32 is np.dtype(np.float32).type, str(np.dtype(np.int64)), repr(np.dtype(np.float16)))
