# Uncaught error raised while executing a class body (frame named after the class)
def default_size():
    return 128
class Config:
    size = default_size()
    tiles = size // 32
    print("class body ran", size, tiles)
class BadConfig:
    size = default_size()
    ratio = size / (size - 128)
print("unreachable")
