# numpy arrays and scalars meeting Python builtins: sum/max/sorted/list, indexing with numpy ints, truth values
import math
import numpy as np
a = np.array([3, 1, 2])
f = np.array([0.5, 1.5], dtype=np.float32)
print(sum(a), type(sum(a)).__name__, max(a), sorted(a), list(f), [type(v).__name__ for v in f])
print(len(a), 2 in a, 5 in a, list(reversed(a)), tuple(a * 2), dict(zip("ab", f)))
print([10, 20, 30][np.int64(1)], "abc"[np.int32(2)], list(range(np.int64(3))), np.arange(5)[np.int8(-1)])
print(math.sqrt(np.float32(2.0)), math.floor(np.float64(2.7)), round(np.float64(2.5)), type(round(np.float64(2.5))).__name__)
print(np.float64(1.5) == 1.5, hash(np.float64(1.5)) == hash(1.5), hash(np.int64(7)) == hash(7), {1.5: "x"}[np.float64(1.5)])
for bad in [lambda: bool(a), lambda: int(a), lambda: a < [1, 2], lambda: a[np.float64(1)]]:
    try:
        print(bad())
    except (ValueError, TypeError, IndexError) as e:
        print(type(e).__name__ + ":", e)
print(bool(np.array([0])), bool(np.array([7])), int(np.array(9)), float(np.array(2.5)))
if (a > 0).all():
    print("all positive")
print(min(np.float32(2), 1), max(np.int8(3), 2.5), abs(np.int16(-4)), divmod(np.int64(7), 2), pow(np.float64(2), 3))
