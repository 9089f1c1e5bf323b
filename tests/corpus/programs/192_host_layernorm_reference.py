# LayerNorm reference with gamma/beta and epsilon, checked against a manual loop
import numpy as np
rng = np.random.default_rng(7)
x = rng.standard_normal((4, 16))
gamma = rng.uniform(0.5, 1.5, 16)
beta = rng.uniform(-0.1, 0.1, 16)
eps = 1e-5
def layernorm(v):
    mean = v.mean(axis=-1, keepdims=True)
    var = v.var(axis=-1, keepdims=True)
    return (v - mean) / np.sqrt(var + eps) * gamma + beta
y = layernorm(x)
rows = []
for r in x:
    mu = sum(r) / len(r)
    var = sum((t - mu) ** 2 for t in r) / len(r)
    rows.append([(t - mu) / (var + eps) ** 0.5 for t in r])
manual = np.array(rows) * gamma + beta
print(y.shape, np.allclose(y, manual))
print(np.round(y.mean(axis=-1), 6), np.round(((y - beta) / gamma).std(axis=-1), 4))
