# Boolean masks: selection, assignment, combination
import numpy as np
a = np.array([3, -1, 4, -1, 5, -9, 2, 6])
mask = a > 0
print(mask, a[mask], a[a % 2 == 0], a[(a > 0) & (a < 5)], a[(a < 0) | (a > 5)], a[~mask])
b = a.copy()
b[b < 0] = 0
print(b)
m = np.arange(12).reshape(3, 4)
print(m[m > 5], m[m % 3 == 0].sum(), (m > 5).sum(), m[np.array([True, False, True])])
m[m > 8] = -1
print(m)
x = np.array([1.5, np.nan, 2.5, np.nan])
print(x[~np.isnan(x)], np.where(np.isnan(x), 0.0, x))
