# Evaluation order of operands, arguments, assignment targets and dict displays
log = []
def v(name, value):
    log.append(name)
    return value
result = v("a", 1) + v("b", 2) * v("c", 3)
print(result, log)
log.clear()
def f(*args, **kw):
    return args, kw
f(v("x", 1), v("y", 2), z=v("z", 3))
print(log)
log.clear()
d = {v("k1", "a"): v("v1", 1), v("k2", "b"): v("v2", 2)}
print(log, d)
log.clear()
lst = [0, 0, 0]
i = 0
i, lst[i] = 1, 9
print(i, lst)
x = [1, 2, 3]
x[v("idx", 0)] = v("val", 10)
print(log, x)
a = b = c = []
a.append(1)
print(a, b, c, a is c)
