# Comparisons produce bool arrays; np.where selects
import numpy as np
a = np.array([1, 5, 3, 7])
b = np.array([2, 5, 1, 8])
print(a < b, a <= b, a == b, a != b, a > 3, 3 >= a)
print(np.equal(a, b), np.greater(a, b), np.less_equal(a, 5), np.maximum(a, b), np.minimum(a, b))
print(np.where(a > b, a, b), np.where(a > 4, 1, 0), np.where(a % 2 == 1, a * 10, -1))
print(np.where(np.array([True, False, True])), np.where(a > 10)[0].size)
m = np.arange(9).reshape(3, 3)
print(np.where(m > 4, m, 0), np.where(m == m.T, 1.5, -1.5))
print((a > 2).dtype, np.where([1, 0, 2], "yes" == "yes", False))
