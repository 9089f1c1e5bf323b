# maximum/minimum (elementwise, broadcasting), relu-style patterns
import numpy as np
x = np.array([-2.0, -0.5, 0.0, 0.5, 2.0])
print(np.maximum(x, 0), np.minimum(x, 0), np.maximum(x, x[::-1]), np.minimum(1, x))
m = np.arange(-4, 5).reshape(3, 3)
print(np.maximum(m, np.array([0, 1, 2])), np.minimum(m, np.array([[0], [1], [2]])))
relu = np.maximum(x.astype(np.float32), np.float32(0))
print(relu, relu.dtype)
print(np.maximum(np.array([1, 5]), np.array([3.5, 2])), np.maximum.reduce(np.array([3, 8, 1])))
leaky = np.where(x > 0, x, 0.01 * x)
print(leaky)
print(np.clip(x, -1, 1), np.minimum(np.maximum(x, -1), 1))
