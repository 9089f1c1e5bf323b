# Integer indexing and views
import numpy as np
a = np.arange(24).reshape(4, 6)
print(a[0], a[-1], a[1, 2], a[1][2], a[-1, -1], type(a[1, 2]).__name__)
print(a[2, :], a[:, 3], a[1:3, 2:5])
row = a[1]
row[0] = -1
print(a[1, 0])
b = np.arange(10)
print(b[3], b[-3], b[b.size - 1])
c = np.arange(27).reshape(3, 3, 3)
print(c[1, 2, 0], c[2][1], c[0, :, 1], c[:, 1, :].shape)
try:
    a[4, 0]
except IndexError as e:
    print("IndexError:", e)
try:
    a[0, 0, 0]
except IndexError as e:
    print("IndexError:", e)
