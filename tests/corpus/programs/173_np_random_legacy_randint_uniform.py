# Legacy numpy.random: randint and uniform
import numpy as np
np.random.seed(0)
print(np.random.randint(10), np.random.randint(5, 10), np.random.randint(0, 100, size=5))
print(np.random.randint(0, 2 ** 31, size=3), np.random.randint(-5, 5, size=(2, 3)))
print(np.random.randint(0, 256, size=4, dtype=np.uint8), np.random.randint(3, size=6))
print(np.random.uniform(), np.random.uniform(-1, 1), np.random.uniform(0, 10, size=3))
print(np.random.uniform(low=2.0, high=3.0, size=(2, 2)))
np.random.seed(123)
print(np.random.randint(0, 10 ** 12, size=2), np.random.randint(1, 7, size=10))
np.random.seed(7)
print(np.random.randint(0, 1, size=3), np.random.uniform(5, 5))
