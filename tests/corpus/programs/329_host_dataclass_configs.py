# Kernel configs as dataclasses: defaults, default_factory, ClassVar, frozen/order, __post_init__, helpers
from dataclasses import dataclass, field, asdict, astuple, fields, replace, is_dataclass, FrozenInstanceError
from typing import ClassVar, List
import numpy as np
@dataclass
class Config:
    M: int
    N: int = 128
    dtype: str = "float32"
    tags: List[str] = field(default_factory=list)
    count: ClassVar[int] = 0
    def flops(self):
        return 2 * self.M * self.N
c = Config(64)
print(c, Config(1, 2, "bf16", ["x"]), c == Config(64), c != Config(65), c.flops(), Config.count)
print(asdict(c), astuple(Config(1, tags=["a"])), [f.name for f in fields(c)], is_dataclass(c), is_dataclass(Config), is_dataclass(3))
print(replace(c, N=1), c.tags is not Config(2).tags, Config.N, hasattr(Config, "M"))
@dataclass(frozen=True, order=True)
class Tile:
    p: int
    f: int = 512
    def __post_init__(self):
        if self.p > 128:
            raise ValueError(f"p={self.p} exceeds 128 partitions")
t = Tile(64)
print(t, sorted([Tile(128, 1), Tile(64, 2), Tile(64, 1)]), t < Tile(65), hash(t) == hash(Tile(64)), {t: 1}[Tile(64, 512)])
for bad in [lambda: setattr(t, "p", 3), lambda: Tile(200), lambda: Config(), lambda: Config(1, 2, "x", [], 5), lambda: Config(1, M=2), lambda: Config(1, z=2)]:
    try:
        bad()
    except (FrozenInstanceError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    @dataclass
    class Bad:
        a: int = 1
        b: int
except TypeError as e:
    print("TypeError:", e)
try:
    @dataclass
    class Bad2:
        a: list = []
except ValueError as e:
    print("ValueError:", e)
@dataclass
class Result:
    name: str
    out: np.ndarray = None
    passed: bool = False
    def __repr__(self):
        return f"<{self.name}: {'PASS' if self.passed else 'FAIL'}>"
@dataclass
class Timed(Result):
    ms: float = 0.0
r = Timed("mm", np.zeros(2), True, 1.5)
print(r, [f.name for f in fields(Timed)], Timed.__init__ is not None, str(Result("x")), Config.__eq__ is not None)
print(c.__hash__ is None, Config.__match_args__, Result("a") == Result("a", None, False))
