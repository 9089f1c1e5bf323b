# __getitem__/__setitem__/__delitem__/__contains__/__iter__/__len__ and __getattr__ fallbacks
class Grid:
    def __init__(self, rows, cols):
        self.rows, self.cols = rows, cols
        self.cells = {}
    def __getitem__(self, key):
        r, c = key
        if not (0 <= r < self.rows and 0 <= c < self.cols):
            raise IndexError(f"cell {key} outside {self.rows}x{self.cols}")
        return self.cells.get(key, 0)
    def __setitem__(self, key, value):
        self.cells[key] = value
    def __delitem__(self, key):
        del self.cells[key]
    def __len__(self):
        return self.rows * self.cols
    def __iter__(self):
        for r in range(self.rows):
            yield_row = [self[r, c] for c in range(self.cols)]
            for v in yield_row:
                pass
        return iter(sorted(self.cells.items()))
    def __getattr__(self, name):
        if name.startswith("row_"):
            r = int(name[4:])
            return [self[r, c] for c in range(self.cols)]
        raise AttributeError(f"Grid has no attribute {name!r}")
g = Grid(2, 3)
g[0, 1] = 5
g[1, 2] = 7
print(g[0, 1], g[1, 1], len(g), list(g), g.row_1)
del g[0, 1]
print(list(g), g.rows)
for bad in [lambda: g[2, 0], lambda: g.missing, lambda: g.__getitem__((0, 9))]:
    try:
        bad()
    except (IndexError, AttributeError) as e:
        print(type(e).__name__ + ":", e)
