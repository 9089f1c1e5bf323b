# tanh, sin, cos over float64 grids
# corpus: tolerance=1e-14
import numpy as np
t = np.linspace(-np.pi, np.pi, 9)
print(t)
print(np.sin(t))
print(np.cos(t))
print(np.tanh(t))
print(np.sin(t) ** 2 + np.cos(t) ** 2)
print(np.tanh(np.array([-50.0, 50.0])), np.cos(np.array([0.0])))
