# Iterator type names as CPython 3.11 prints them, and list[int]-style generic aliases
# (types.GenericAlias): printed as written, called and subclassed as their origin.
import itertools

values = [iter([]), iter(range(3)), reversed([1]), reversed(range(3)), reversed((1, 2)), iter("ab"), iter("é"),
          iter((1,)), iter(set()), iter({}), iter({}.values()), iter({}.items()), enumerate([]), zip(), map(str, []),
          itertools.count(), itertools.chain(), itertools.product(), itertools.islice([], 1), itertools.tee([])[0],
          itertools.pairwise([]), itertools.accumulate([]), itertools.groupby([])]
for v in values:
    print(type(v).__name__, repr(type(v)))

print(list[int], dict[str, int], type(list[int]), tuple[int, ...], list[list[float]], tuple[()])
print(set[str] == set[str], list[int] == list[str], hash(list[int]) == hash(list[int]))
print(list[int]([1, 2]), list[int].__origin__, dict[str, int].__args__)


class Rows(list[int]):
    def total(self):
        return sum(self)


rows = Rows([3, 4])
print(rows, rows.total(), Rows.__mro__)


def scale(x: list[float], k: float = 2.0) -> list[float]:
    return [k * v for v in x]


print(scale([1.5, 2.5]))
for bad in (lambda: isinstance([], list[int]), lambda: int[0]):
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
