# Uncaught AttributeError on an instance
class Kernel:
    def __init__(self):
        self.name = "matmul"
k = Kernel()
print(k.name)
try:
    "abc".nope()
except AttributeError as e:
    print("caught:", e)
try:
    None.shape
except AttributeError as e:
    print("caught:", e)
print(k.tile_size)
