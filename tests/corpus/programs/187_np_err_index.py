# Uncaught IndexError from an out-of-bounds index on an axis
import numpy as np
a = np.arange(12).reshape(3, 4)
print(a[2, 3], a[-3, -4])
try:
    a[:, 4]
except IndexError as e:
    print("caught:", e)
try:
    a[3]
except IndexError as e:
    print("caught:", e)
print(a[1, 10])
