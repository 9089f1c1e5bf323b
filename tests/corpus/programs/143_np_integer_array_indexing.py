# Integer array (fancy) indexing and assignment
import numpy as np
a = np.arange(10) * 10
print(a[[1, 3, 5]], a[np.array([0, -1])], a[[2, 2, 2]])
m = np.arange(12).reshape(3, 4)
print(m[[0, 2]], m[[0, 1, 2], [3, 2, 1]], m[:, [0, 3]], m[[2, 0], 1:3])
idx = np.array([[0, 1], [2, 0]])
print(m[idx].shape, a[idx])
b = np.zeros(5)
b[[0, 2, 4]] = [1, 2, 3]
print(b)
perm = np.argsort(np.array([3, 1, 2]))
print(perm, np.array([30, 10, 20])[perm])
c = np.arange(5)
c[[1, 1, 1]] += 1
print(c)
try:
    a[[10]]
except IndexError as e:
    print("IndexError:", e)
