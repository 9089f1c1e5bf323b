# arange/linspace edge cases: negative steps, float steps, retstep, empty results
import numpy as np
print(np.arange(10, 0, -3), np.arange(-1, 1, 0.5), np.arange(0), np.arange(3, 3), np.arange(1.5))
print(np.arange(0, 1, 0.1), len(np.arange(0, 1, 0.1)), np.arange(0.5, 3), np.arange(5, dtype=float))
print(np.linspace(2, 3, 1), np.linspace(0, 1, 0), np.linspace(1, 0, 3), np.linspace(0, 1, 4, endpoint=False))
samples, step = np.linspace(0, 10, 5, retstep=True)
print(samples, step)
print(np.arange(-2, 2, dtype=np.int8), np.arange(0, 5, 2, dtype=np.float32), np.linspace(0, 100, 3, dtype=int))
print(np.arange(10)[::3].tolist(), np.arange(1, 2, 0.25).dtype)
edges = np.linspace(0, 1, 5)
print(edges[1:] - edges[:-1], (edges[1:] + edges[:-1]) / 2)
