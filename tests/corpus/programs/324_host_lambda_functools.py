# functools and operator helpers: partial, reduce for element counts, lru_cache, itemgetter sorting
import functools
import operator

shape = (4, 128, 512)
print(functools.reduce(operator.mul, shape, 1), functools.reduce(lambda a, b: a * b, shape))
print(functools.reduce(operator.add, [[1], [2, 3], []], []))

def make_tensor(shape, dtype="float32", fill=0.0):
    return {"shape": shape, "dtype": dtype, "fill": fill}

bf16 = functools.partial(make_tensor, dtype="bfloat16")
ones = functools.partial(make_tensor, fill=1.0)
print(bf16((2, 2)), ones((3,), dtype="int8"), bf16.keywords, bf16.args)

@functools.lru_cache(maxsize=None)
def tile_cost(n):
    return n if n <= 128 else tile_cost(n - 128) + 128 + 64

print(tile_cost(1024), tile_cost.cache_info().hits, tile_cost.cache_info().misses)
records = [("matmul", 3, 1.5), ("add", 1, 0.2), ("softmax", 2, 0.9), ("exp", 2, 0.4)]
print(sorted(records, key=operator.itemgetter(1, 0)))
print(sorted(records, key=lambda r: (-r[2], r[0]))[0], max(records, key=operator.itemgetter(2))[0])
get_name = operator.attrgetter("__name__")
print(get_name(make_tensor), list(map(operator.itemgetter(0), records)))
print(list(map(lambda r: round(r[2] * 100), records)), list(filter(lambda r: r[1] > 1, records)))
square = lambda x: x * x
compose = lambda f, g: lambda x: f(g(x))
print(square(12), compose(square, abs)(-3), (lambda *a, **k: (a, k))(1, z=2))
print(operator.truediv(7, 2), operator.floordiv(7, 2), operator.neg(3), operator.contains([1, 2], 2))
cmp = functools.cmp_to_key(lambda a, b: (a[1] > b[1]) - (a[1] < b[1]))
print(sorted(records, key=cmp))
