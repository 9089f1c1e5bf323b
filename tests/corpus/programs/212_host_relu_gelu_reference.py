# Activation references: relu, gelu (tanh approximation), silu in float64
# corpus: tolerance=1e-12
import numpy as np
x = np.linspace(-3, 3, 7)
relu = np.maximum(x, 0)
gelu = 0.5 * x * (1 + np.tanh(np.sqrt(2 / np.pi) * (x + 0.044715 * x ** 3)))
silu = x / (1 + np.exp(-x))
print(x)
print(relu)
print(np.round(gelu, 8))
print(np.round(silu, 8))
print(np.allclose(gelu[x > 2], x[x > 2], atol=0.01), bool((silu <= relu + 1e-12).all()))
