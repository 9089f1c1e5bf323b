# Legacy numpy.random.choice with and without replacement and probabilities
import numpy as np
np.random.seed(0)
print(np.random.choice(10), np.random.choice(5, 3), np.random.choice([10, 20, 30], size=4))
print(np.random.choice(10, 5, replace=False), np.random.choice(np.arange(100, 110), size=3, replace=False))
print(np.random.choice(4, size=6, p=[0.1, 0.2, 0.3, 0.4]))
print(np.random.choice(3, size=(2, 2)))
np.random.seed(5)
print(np.random.choice(1000, 3), np.random.choice(3, 3, replace=False))
np.random.seed(11)
idx = np.random.choice(8, size=8, replace=False)
print(idx, np.sort(idx))
