# Uncaught error raised inside __init__ via a property setter
class Tile:
    def __init__(self, rows):
        self.rows = rows
    @property
    def rows(self):
        return self._rows
    @rows.setter
    def rows(self, value):
        if value > 128:
            raise ValueError(f"{value} rows exceed the 128 partitions")
        self._rows = value
t = Tile(64)
print(t.rows)
t2 = Tile(256)
print(t2.rows)
