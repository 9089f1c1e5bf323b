# Uncaught custom exception whose __str__ builds the message
class TileError(Exception):
    def __init__(self, row, col):
        super().__init__(row, col)
        self.row = row
        self.col = col
    def __str__(self):
        return f"tile ({self.row}, {self.col}) is out of range"
def load(r, c):
    if r >= 4 or c >= 4:
        raise TileError(r, c)
    return r * 4 + c
print(load(1, 2), load(3, 3))
try:
    load(9, 0)
except TileError as e:
    print("caught:", e, e.args)
print(load(2, 7))
