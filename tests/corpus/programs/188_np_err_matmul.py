# Uncaught matmul shape mismatch
import numpy as np
w = np.ones((128, 64), dtype=np.float32)
x = np.ones((64, 32), dtype=np.float32)
print((w @ x).shape)
try:
    np.dot(np.ones((2, 3)), np.ones((2, 3)))
except ValueError as e:
    print("caught:", e)
y = np.ones((128, 32), dtype=np.float32)
out = w @ y
print(out.shape)
