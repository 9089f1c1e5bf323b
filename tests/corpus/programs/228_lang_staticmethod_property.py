# staticmethod, classmethod and property in helper classes
class Tile:
    SIZE = 128
    def __init__(self, rows, cols):
        self._rows = rows
        self.cols = cols
    @property
    def rows(self):
        return self._rows
    @rows.setter
    def rows(self, value):
        if value > Tile.SIZE:
            raise ValueError(f"rows must be <= {Tile.SIZE}")
        self._rows = value
    @property
    def elements(self):
        return self._rows * self.cols
    @staticmethod
    def tiles_needed(n):
        return (n + Tile.SIZE - 1) // Tile.SIZE
    @classmethod
    def square(cls, n):
        return cls(n, n)
t = Tile(64, 32)
print(t.rows, t.elements, Tile.tiles_needed(300), t.tiles_needed(128))
t.rows = 100
print(t.rows, t.elements)
try:
    t.rows = 500
except ValueError as e:
    print("ValueError:", e)
sq = Tile.square(16)
print(type(sq).__name__, sq.elements)
try:
    t.elements = 5
except AttributeError as e:
    print("AttributeError:", e)
