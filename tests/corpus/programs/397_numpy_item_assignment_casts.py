# Storing Python numbers and numpy scalars into arrays: floats into integer arrays convert as int() does (NaN and infinities raise), float32/float16 overflow is numpy's cast error
import numpy as np

i = np.zeros(3, dtype=np.int32)
for v in [float("inf"), np.float64("nan"), np.float32("inf"), float("-inf"), 2.7, -3.9, np.float64(5.5)]:
    try:
        i[0] = v
        print("stored", i[0])
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
for store in [lambda: i.__setitem__(slice(0, 2), float("nan")), lambda: i.__setitem__([0], float("inf")), lambda: i.__setitem__(slice(0, 2), np.float64("nan")), lambda: i.fill(float("nan")), lambda: i.fill(np.float32("inf"))]:
    try:
        store()
        print("stored", i)
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
u = np.zeros(2, dtype=np.uint8)
try:
    u[1] = float("nan")
except ValueError as e:
    print("uint8", e)
flags = np.zeros(2, dtype=bool)
flags[0] = float("nan")
i.fill(2.5)
print(flags, i)
b = np.zeros(4, dtype=np.float32)
h = np.zeros(2, dtype=np.float16)
with np.errstate(over="raise"):
    for label, store in [("b[0]", lambda: b.__setitem__(0, 1e300)), ("b[1:3]", lambda: b.__setitem__(slice(1, 3), -1e300)), ("b[[0, 3]]", lambda: b.__setitem__([0, 3], 1e39)), ("b[:] = float64 array", lambda: b.__setitem__(slice(None), np.array([1e200, 1.0, 2.0, 3.0]))), ("b.fill", lambda: b.fill(1e300)), ("h[0]", lambda: h.__setitem__(0, 100000)), ("b[0] = inf", lambda: b.__setitem__(0, float("inf"))), ("b[0] = 3e38", lambda: b.__setitem__(0, 3e38))]:
        try:
            store()
            print(label, "stored", b, h)
        except FloatingPointError as e:
            print(label, "FloatingPointError:", e)
with np.errstate(all="ignore"):
    b[0] = 1e300
    b[1:] = np.array([1e300, 2.0, -1e300])
    h[:] = 1e6
print(b, h)
