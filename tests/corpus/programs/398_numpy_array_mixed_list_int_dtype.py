# np.array of a list mixing floats and large Python ints: without a dtype the ints are floats; with an integer dtype each int converts on its own (C long overflow, out-of-bounds)
import numpy as np

for dt in [np.int32, np.uint8, np.int64, np.uint64, np.int8, bool, np.float32]:
    for v in [[1.5, 2**63], [2**64 - 1, 1.5], [1.5, 2**40], [1.5, -(2**63) - 1], [1.5, 300], [-2.5, 7]]:
        for make in (np.array, np.asarray):
            try:
                r = make(v, dtype=dt)
                print(make.__name__, dt.__name__, v, repr(r))
            except (OverflowError, ValueError) as e:
                print(make.__name__, dt.__name__, v, type(e).__name__, e)
print(np.array([1.5, 2**63]), np.array([2**63, 0.5]).dtype)
# A Python float (or a numpy float scalar inside a list, for signed dtypes) converts as int() does, then must fit.
for dt in [np.uint8, np.int8, np.int32, np.uint64, np.int64, np.uint32]:
    for v in [-2.5, 300.0, 1e10, 3e19, -0.5, 255.9, 1e300]:
        out = []
        for label, f in [("array", lambda: np.array([v, 1], dtype=dt)), ("setitem", lambda: np.zeros(2, dtype=dt).__setitem__(0, v)), ("slice", lambda: np.zeros(2, dtype=dt).__setitem__(slice(0, 2), v)), ("fill", lambda: np.zeros(2, dtype=dt).fill(v)), ("scalar", lambda: dt(v)), ("np.float64 item", lambda: np.zeros(2, dtype=dt).__setitem__(0, np.float64(v))), ("np.float32 in list", lambda: np.array([np.float32(v)], dtype=dt)), ("bare np.float64", lambda: np.array(np.float64(v), dtype=dt)), ("0-d in list", lambda: np.array([np.array(v)], dtype=dt))]:
            try:
                with np.errstate(all="ignore"):
                    r = f()
                out.append(f"{label}: ok" if r is None or dt in (np.uint32, np.uint64) else f"{label}: {r.tolist() if hasattr(r, 'tolist') else r}")
            except (OverflowError, ValueError) as e:
                out.append(f"{label}: {type(e).__name__} {e}")
        print(dt.__name__, v, " | ".join(out))
