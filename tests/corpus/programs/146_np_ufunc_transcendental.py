# exp, log, log2, sqrt, tanh, sin, cos on float64 arrays
# corpus: tolerance=1e-14
import numpy as np
x = np.array([0.0, 0.5, 1.0, 2.0, 10.0])
print(np.exp(x))
print(np.log(x + 1), np.log2(x + 1), np.sqrt(x))
print(np.tanh(x - 1), np.sin(x), np.cos(x))
print(np.exp(-x), np.log(np.array([1e-300, 1e300])))
print(np.sqrt(np.array([4, 9, 2])), np.exp(np.array([1, 2])).dtype)
print(np.exp(np.array([710.0])), np.log(np.array([0.0])), np.sqrt(np.array([-1.0])))
angles = np.linspace(0, np.pi, 5)
print(np.round(np.sin(angles), 12), np.round(np.cos(angles), 12))
print(np.float64(np.e) ** 2, np.exp(2.0), np.log(np.e))
