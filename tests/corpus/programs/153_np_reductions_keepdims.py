# keepdims for normalisation patterns
import numpy as np
a = np.array([[1.0, 2.0, 3.0], [4.0, 6.0, 8.0]])
s = a.sum(axis=1, keepdims=True)
print(s, s.shape, a / s)
m = a.max(axis=-1, keepdims=True)
print(m, a - m, np.exp(a - m).sum(axis=-1, keepdims=True).shape)
mu = a.mean(axis=0, keepdims=True)
sd = a.std(axis=0, keepdims=True)
print(mu, sd, (a - mu) / sd)
print(np.sum(a, axis=None, keepdims=True).shape, a.min(axis=0, keepdims=True), a.var(axis=1, keepdims=True))
print(np.max(a, keepdims=True), np.argmax(a, axis=1, keepdims=True))
