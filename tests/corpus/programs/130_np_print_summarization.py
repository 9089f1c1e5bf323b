# numpy summarises arrays with more than 1000 elements using '...'
import numpy as np
a = np.arange(2000)
print(a)
print(repr(a))
b = np.arange(1200, dtype=np.float32).reshape(40, 30) / 3
print(b)
c = np.zeros((3, 400))
print(c)
d = np.arange(1001)
print(d)
print(np.arange(1000).reshape(10, 100)[:2])
print(np.ones((2, 2, 300), dtype=np.int8))
