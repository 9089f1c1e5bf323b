# numpy scalar str/repr (numpy 2 style reprs), item, Python conversions
import numpy as np
x = np.float32(1.1)
y = np.float64(2.5)
i = np.int32(7)
print(x, y, i, repr(x), repr(y), repr(i))
print([x, y], (i,), {"k": np.int64(3)})
print(np.float16(0.1), repr(np.float16(0.1)), np.uint8(255), repr(np.bool_(True)), np.True_)
print(float(x), int(i), x.item(), type(x.item()).__name__, type(i.item()).__name__)
print(np.float32(1) / np.float32(3), np.float64(1) / 3, np.float32(16777217))
print(f"{x:.3f} {y:8.2f} {i:04d}", "%.2f" % x, str(np.float32(1e-8)), str(np.float32(123456789)))
a = np.array([1.5, 2.5], dtype=np.float32)
print(a[0], repr(a[0]), a.sum(), repr(a.sum()), a.max().item())
print(np.int64(2) ** 40, np.float32(2) ** 0.5, type(np.float32(2) ** 0.5).__name__)
