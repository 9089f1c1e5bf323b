# numpy.linalg.norm with orders and axes
import numpy as np
import numpy.linalg as la
v = np.array([3.0, 4.0])
print(np.linalg.norm(v), la.norm(v, 1), la.norm(v, np.inf), la.norm(np.array([1, 2, 2])))
m = np.array([[1.0, 2.0], [3.0, 4.0]])
print(la.norm(m), la.norm(m, axis=0), la.norm(m, axis=1), la.norm(m, "fro"), la.norm(m, axis=1, keepdims=True))
x = np.arange(12, dtype=np.float32).reshape(3, 4)
print(la.norm(x), la.norm(x).dtype, la.norm(x, axis=-1))
ref = np.array([1.0, 2.0, 3.0])
out = ref + np.array([1e-4, -2e-4, 0.0])
print(la.norm(out - ref) / la.norm(ref), la.norm(out - ref, np.inf))
print(la.norm(np.zeros(3)), la.norm(v, 2), la.norm(-v))
