# Small helper classes from host code: properties, class/static methods, repr, ordering, counters
import functools

@functools.total_ordering
class TileShape:
    count = 0
    def __init__(self, partitions, free, dtype="float32"):
        self.partitions = partitions
        self.free = free
        self.dtype = dtype
        TileShape.count += 1
    @property
    def elements(self):
        return self.partitions * self.free
    @property
    def nbytes(self):
        return self.elements * self.itemsize(self.dtype)
    @staticmethod
    def itemsize(dtype):
        return {"float32": 4, "bfloat16": 2, "float16": 2, "int8": 1}[dtype]
    @classmethod
    def square(cls, n, **kw):
        return cls(n, n, **kw)
    def __repr__(self):
        return f"TileShape({self.partitions}, {self.free}, dtype={self.dtype!r})"
    def __eq__(self, other):
        return (self.partitions, self.free) == (other.partitions, other.free)
    def __lt__(self, other):
        return self.elements < other.elements
    def __hash__(self):
        return hash((self.partitions, self.free))

tiles = [TileShape(128, 512), TileShape.square(64, dtype="bfloat16"), TileShape(128, 128, "int8")]
print(tiles)
print([t.nbytes for t in tiles], TileShape.count, tiles[0].itemsize("float16"))
print(sorted(tiles), max(tiles), tiles[1] <= tiles[2], tiles[2] > tiles[1], tiles[1] == TileShape(64, 64))
print(len({tiles[1], TileShape(64, 64)}), str(tiles[2]), f"{tiles[0]}")

class Timer:
    def __init__(self, label):
        self.label = label
        self.calls = 0
    def __enter__(self):
        self.calls += 1
        return self
    def __exit__(self, exc_type, exc, tb):
        print(f"[{self.label}] done, error={exc_type.__name__ if exc_type else None}")
        return exc_type is ValueError

t = Timer("load")
with t as entered:
    print(entered is t, t.calls)
with t:
    raise ValueError("swallowed")
print("after", t.calls, vars(t))
