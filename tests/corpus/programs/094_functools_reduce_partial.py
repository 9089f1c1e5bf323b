# functools.reduce and functools.partial
from functools import reduce, partial
import functools
import operator
print(reduce(operator.add, [1, 2, 3, 4]), reduce(operator.mul, range(1, 6)), reduce(lambda a, b: a * 10 + b, [1, 2, 3]))
print(reduce(operator.add, [], 0), reduce(max, [3, 9, 2]), reduce(lambda acc, s: acc + len(s), ["ab", "c"], 0))
try:
    reduce(operator.add, [])
except TypeError as e:
    print("TypeError:", e)
def scale(x, factor, offset=0):
    return x * factor + offset
double = partial(scale, factor=2)
shift = partial(scale, 10, offset=5)
print(double(4), double(4, offset=1), shift(3))
print(double.func is scale, double.args, double.keywords, shift.args)
to_int_base2 = partial(int, base=2)
print(to_int_base2("1011"), list(map(partial(pow, 2), range(5))))
shape = (4, 8, 16)
print(functools.reduce(lambda a, b: a * b, shape, 1))
