# Enums as nki-samples' reference kernels declare them (NormType), IntEnum engine ids, auto, aliases, lookups, errors
from enum import Enum, IntEnum, auto, unique
class NormType(Enum):
    NO_NORM = 0
    RMS_NORM = 1
    LAYER_NORM = 2
    RMS_NORM_SKIP_GAMMA = 3
    def uses_gamma(self):
        return self in (NormType.RMS_NORM, NormType.LAYER_NORM)
n = NormType.RMS_NORM
print(n, repr(n), n.name, n.value, n.uses_gamma(), NormType(2), NormType["LAYER_NORM"], type(n).__name__)
print(list(NormType), len(list(NormType)), n in NormType, [m.name for m in NormType if m.value % 2 == 0])
print(n == NormType.RMS_NORM, n == 1, n is NormType(1), isinstance(n, NormType), isinstance(n, Enum), f"{n}", f"{n!r}")
print({NormType.NO_NORM: "none"}[NormType(0)], sorted(NormType, key=lambda m: -m.value)[0], NormType.__members__.keys() if hasattr(NormType.__members__, "keys") else "")
class Engine(IntEnum):
    PE = auto()
    ACT = auto()
    DVE = auto()
print(Engine.ACT, repr(Engine.ACT), Engine.ACT == 2, Engine.PE < Engine.DVE, Engine.ACT + 1, int(Engine.DVE), [0, 1, 2, 3][Engine.PE], f"{Engine.DVE:02d}")
print(sorted([Engine.DVE, Engine.PE]), Engine(3).name, hash(Engine.PE) == hash(1), list(Engine))
class Mode(Enum):
    FAST = "fast"
    QUICK = "fast"
    SLOW = "slow"
print(Mode.QUICK is Mode.FAST, list(Mode), len(Mode.__members__), Mode("slow"))
for bad in [lambda: NormType(9), lambda: NormType["NOPE"], lambda: unique(Mode), lambda: len(int), lambda: iter(float)]:
    try:
        bad()
    except (ValueError, KeyError, TypeError) as e:
        print(type(e).__name__, e)
print(len(NormType), len(Mode), len(Engine), bool(NormType))
