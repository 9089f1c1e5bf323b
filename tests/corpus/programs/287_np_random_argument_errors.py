# numpy.random argument validation messages and degenerate sizes
import numpy as np
np.random.seed(0)
cases = [
    lambda: np.random.choice(3, p=[0.5, 0.2, 0.2]),
    lambda: np.random.choice(3, p=[0.5, 0.5]),
    lambda: np.random.choice([], 1),
    lambda: np.random.randint(5, 5),
    lambda: np.random.randint(5),
    lambda: np.random.seed(-1),
    lambda: np.random.rand(-1),
    lambda: np.random.uniform(0, 1, size=(0, 3)),
    lambda: np.random.normal(0, -1),
    lambda: np.random.default_rng(0).integers(5, 1),
    lambda: np.random.default_rng(0).integers(3, size=0),
    lambda: np.random.randn(0).shape,
    lambda: np.random.choice(5, 0),
]
for i, case in enumerate(cases):
    try:
        print(i, case())
    except (ValueError, TypeError) as e:
        print(i, type(e).__name__ + ":", e)
print(np.random.rand(), np.random.randint(0, 3, size=4))
