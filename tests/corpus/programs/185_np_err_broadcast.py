# Uncaught broadcasting error from arithmetic on mismatched shapes
import numpy as np
a = np.ones((4, 3), dtype=np.float32)
b = np.arange(3, dtype=np.float32)
print((a + b).shape)
c = np.arange(4, dtype=np.float32)
print(c.reshape(4, 1).shape)
print((a * c.reshape(4, 1)).sum())
print("now the bad one")
d = a + c
print(d)
