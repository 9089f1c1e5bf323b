# Annotated helper code: typing imports, generic aliases in signatures, PEP 604 unions, TypeVar, cast
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple, TypeVar, Union, cast, TYPE_CHECKING
import typing
import numpy as np

T = TypeVar("T")
Shape = Tuple[int, int]
Checker = Callable[[np.ndarray, np.ndarray], bool]

def make_inputs(shapes: Sequence[Shape], dtype: Any = np.float32, seed: Optional[int] = 0) -> List[np.ndarray]:
    rng = np.random.default_rng(seed)
    return [rng.random(s).astype(dtype) for s in shapes]

def first(items: Sequence[T], default: Optional[T] = None) -> Optional[T]:
    return items[0] if items else default

def run_checks(pairs: Dict[str, Tuple[np.ndarray, np.ndarray]], check: Checker) -> Dict[str, bool]:
    return {name: check(a, b) for name, (a, b) in pairs.items()}

def scale(x: np.ndarray | float, factor: int | float = 2) -> np.ndarray | float:
    return x * factor

inputs = make_inputs([(2, 3), (3, 1)])
print([a.shape for a in inputs], [str(a.dtype) for a in inputs], first([]), first("xy"), first([], "none"))
pairs: Dict[str, Tuple[np.ndarray, np.ndarray]] = {"same": (inputs[0], inputs[0].copy()), "scaled": (inputs[1], scale(inputs[1]))}
print(run_checks(pairs, lambda a, b: bool(np.allclose(a, b))), scale(1.5), cast(int, "not checked"), TYPE_CHECKING)
print(Optional[int], Union[int, str], Union[int, None], List[int], Dict[str, np.ndarray], Tuple[int, ...])
print(Shape, Checker, typing.Any, T, Sequence[T], List, Union[float])
print(Optional[int] == Union[int, None], int | None, int | str | None, type(int | str).__name__, np.ndarray | None)
print(isinstance(3, int | str), isinstance(2.5, int | str), isinstance(None, type(None) | int))
try:
    int | 3
except TypeError as e:
    print("TypeError:", e)
count: int = 0
names: List[str] = []
for n in ["q", "k"]:
    names.append(n.upper())
    count += 1
print(count, names)
