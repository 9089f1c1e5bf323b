# Uncaught reshape error
import numpy as np
x = np.arange(12)
print(x.reshape(3, 4).shape, x.reshape(2, -1).shape)
try:
    x.reshape(-1, -1)
except ValueError as e:
    print("caught:", e)
tiles = 5
print("reshaping into", tiles, "tiles")
y = x.reshape(tiles, -1)
print(y)
