# Arrays printed via str(), f-strings and inside containers
import numpy as np
a = np.arange(4, dtype=np.float32) / 3
m = np.arange(6).reshape(2, 3)
print(f"a = {a}")
print(f"m =\n{m}")
print("shape %s dtype %s" % (m.shape, m.dtype))
print([a[0], m[0, 0]])
print({"mean": a.mean(), "max": m.max()})
print(str(a), "|", repr(a))
print(f"{a!r}")
print(f"{m.sum():5d} {a.sum():.3f}")
print(np.array2string(a, precision=2), np.array2string(m, separator=", "))
