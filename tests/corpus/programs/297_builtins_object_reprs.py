# repr of builtin functions, types, modules, partials, exceptions and special objects
import math
import functools
import operator
import itertools
print(len, print, math.sqrt, max, sorted)
print(int, str, float, bool, list, dict, set, tuple, type, object, type(None), type(len))
print(ValueError, KeyError("k"), ZeroDivisionError("division by zero"), Exception())
print(functools.partial(int, base=2), functools.partial(max, 1, key=abs))
print(operator.itemgetter(1), operator.attrgetter("x"), operator.add)
print(range(0), range(2, 9, 3), slice(None), slice(1, None, 2), Ellipsis, NotImplemented, None)
print([len, int], {"f": math.floor}, (ValueError,))
print(repr(int), str(float), type(print).__name__, type(math).__name__, type(ValueError).__name__)
print(math.inf, -math.inf, math.nan, math.pi, math.e, math.tau)
