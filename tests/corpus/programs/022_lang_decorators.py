# Decorators: plain, with arguments, stacked, on methods
def trace(fn):
    def wrapper(*args, **kwargs):
        result = fn(*args, **kwargs)
        print(f"{fn.__name__}{args} -> {result}")
        return result
    return wrapper
def repeat(times):
    def deco(fn):
        def wrapper(*args):
            return [fn(*args) for _ in range(times)]
        return wrapper
    return deco
@trace
def add(a, b):
    return a + b
@repeat(3)
def hello(name):
    return "hi " + name
@trace
@repeat(2)
def one():
    return 1
add(2, 3)
print(hello("ann"))
one()
registry = []
def register(fn):
    registry.append(fn.__name__)
    return fn
class Ops:
    @register
    def run(self):
        return "running"
print(registry, Ops().run())
