# itertools.chain and chain.from_iterable
from itertools import chain
import itertools
print(list(chain([1, 2], (3,), "ab", range(2))))
print(list(chain.from_iterable([[1], [2, 3], []])))
print(list(chain()), list(chain([])))
nested = [[1, 2], [3], [4, 5, 6]]
print(sum(chain(*nested)), list(itertools.chain.from_iterable(nested)))
c = chain("xy", "z")
print(next(c), next(c), next(c), next(c, "end"))
print(sorted(chain({3, 1}, {2})))
rows = [range(i) for i in range(4)]
print(list(chain.from_iterable(rows)))
