# Closures capture variables by reference (late binding)
def make_counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    return inc
c1 = make_counter()
c2 = make_counter()
print(c1(), c1(), c1(), c2())
def make_adders():
    return [lambda x, i=i: x + i for i in range(3)]
print([f(10) for f in make_adders()])
late = [lambda: i for i in range(3)]
print([f() for f in late])
def outer(x):
    def middle(y):
        def inner(z):
            return x + y + z
        return inner
    return middle
print(outer(1)(2)(3))
def multiplier(n):
    return lambda v: v * n
double, triple = multiplier(2), multiplier(3)
print(double(7), triple(7))
