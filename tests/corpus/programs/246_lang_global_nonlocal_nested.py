# global declared inside nested functions; nonlocal across two levels
counter = 0
def outer():
    def inner():
        global counter
        counter += 1
    for _ in range(3):
        inner()
    return counter
print(outer(), counter)
def level1():
    value = "L1"
    def level2():
        def level3():
            nonlocal value
            value = value + "+L3"
        level3()
        return value
    return level2(), value
print(level1())
def make():
    items = []
    def add(x):
        items.append(x)
        return len(items)
    def reset():
        nonlocal items
        items = []
    return add, reset, lambda: items
add, reset, get = make()
add(1)
add(2)
print(get())
reset()
print(get(), add(9), get())
