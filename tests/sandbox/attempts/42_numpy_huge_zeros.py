# expect: error MemoryError|ValueError
# A 10**12-element array.
import numpy as np
a = np.zeros((10 ** 6, 10 ** 6))
print("ESCAPED", a.shape)
