# sort, argsort, axis handling, stability
import numpy as np
a = np.array([3, 1, 4, 1, 5, 9, 2, 6])
print(np.sort(a), np.argsort(a), np.sort(a)[::-1], a[np.argsort(-a)])
m = np.array([[3, 1, 2], [9, 7, 8]])
print(np.sort(m), np.sort(m, axis=0), np.sort(m, axis=None), np.argsort(m, axis=1), np.argsort(m, axis=0))
b = a.copy()
b.sort()
print(b, a)
f = np.array([0.5, -1.0, np.nan, 2.0, -np.inf])
print(np.sort(f), np.argsort(f))
print(np.argsort(np.array([2, 1, 2, 1]), kind="stable"), np.sort(np.array([True, False, True])))
top3 = np.argsort(np.array([0.1, 0.9, 0.3, 0.7, 0.5]))[::-1][:3]
print(top3)
