# *args and **kwargs collection and forwarding
def show(*args, **kwargs):
    print(args, sorted(kwargs.items()))
show()
show(1, 2)
show(a=1, b=2)
show(1, *[2, 3], c=4, **{"d": 5})
def wrapper(*args, **kwargs):
    return inner(*args, **kwargs)
def inner(x, y=0, *rest, z=1, **extra):
    return x, y, rest, z, extra
print(wrapper(1))
print(wrapper(1, 2, 3, 4, z=9, w=8))
def total(first, *others):
    return first + sum(others)
print(total(1), total(1, 2, 3))
args = (10, 20)
kw = {"y": 5}
print(inner(3, **kw), inner(*args))
