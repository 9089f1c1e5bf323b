# Uncaught error while evaluating a default argument at definition time
import math
def ok(x, scale=math.sqrt(4)):
    return x * scale
print(ok(3))
limits = {"tile": 128}
def tiles(n, tile=limits["tile"]):
    return -(-n // tile)
print(tiles(300))
def broken(n, tile=limits["partition"]):
    return n
print("unreachable")
