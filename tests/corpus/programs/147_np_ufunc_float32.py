# float32 transcendentals (compared with a tight tolerance)
# corpus: tolerance=1e-6
import numpy as np
x = np.linspace(-3, 3, 13, dtype=np.float32)
print(x.dtype, np.exp(x).dtype)
print(np.exp(x))
print(np.tanh(x))
print(np.log(np.abs(x) + 1))
print(np.sqrt(np.abs(x)))
print(np.sin(x), np.cos(x))
print(np.log2(np.array([1, 2, 3, 1024], dtype=np.float32)))
s = np.exp(x) / np.exp(x).sum()
print(s, s.sum(), s.dtype)
