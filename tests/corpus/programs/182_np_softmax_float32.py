# Numerically stable softmax in float32 (tolerance for exp)
# corpus: tolerance=1e-6
import numpy as np
def softmax(x, axis=-1):
    m = x.max(axis=axis, keepdims=True)
    e = np.exp(x - m)
    return e / e.sum(axis=axis, keepdims=True)
logits = (np.arange(12, dtype=np.float32).reshape(3, 4) - 5) / 2
p = softmax(logits)
print(p)
print(p.sum(axis=-1), p.dtype, p.argmax(axis=-1))
big = np.array([[1000.0, 1001.0, 1002.0]], dtype=np.float32)
print(softmax(big))
print(softmax(np.zeros((2, 3), dtype=np.float32)))
