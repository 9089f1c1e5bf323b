# Class attributes vs instance attributes; methods stored on the class
class Tile:
    size = 128
    created = []
    def __init__(self, idx):
        self.idx = idx
        Tile.created.append(idx)
    def offset(self):
        return self.idx * self.size
a, b = Tile(0), Tile(3)
print(a.offset(), b.offset(), Tile.created)
b.size = 64
print(a.offset(), b.offset(), Tile.size)
Tile.size = 256
print(a.offset(), b.offset())
f = b.offset
print(f(), Tile.offset(a))
class Config:
    DEFAULTS = {"tile": 128}
    def get(self, key):
        return self.DEFAULTS.get(key, -1)
print(Config().get("tile"), Config().get("x"))
