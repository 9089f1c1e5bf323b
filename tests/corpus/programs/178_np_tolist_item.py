# tolist, item, converting to Python values
import numpy as np
a = np.arange(6).reshape(2, 3)
print(a.tolist(), type(a.tolist()[0][0]).__name__)
f = np.array([0.1, 0.5], dtype=np.float32)
print(f.tolist(), np.array([1.5]).tolist(), np.array(True).tolist(), np.array(3).tolist())
print(a[1, 2].item(), a.item(4), np.array([[7]]).item(), type(f[0].item()).__name__)
print(np.float32(0.1).item(), np.array([2 ** 40]).item(), np.array([1, 2], dtype=np.uint8).tolist())
print(list(a[0]), [int(v) for v in a[1]], float(np.array(2.5)), int(np.array([9])[0]))
print(sum(a.tolist(), []), np.array([[1.0, 2.0]]).tolist())
try:
    a.item()
except ValueError as e:
    print("ValueError:", e)
