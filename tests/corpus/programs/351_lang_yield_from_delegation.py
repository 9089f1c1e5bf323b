# `yield from` passes send() and throw() on to the sub-generator and evaluates to its return value.
def averager():
    total, count = 0, 0
    while True:
        x = yield (total / count if count else None)
        if x is None:
            return total, count
        total += x
        count += 1


def delegator(results):
    while True:
        r = yield from averager()
        results.append(r)


results = []
d = delegator(results)
print(next(d), d.send(10), d.send(20), d.send(None), d.send(4), results)


def inner():
    try:
        yield 1
    except ValueError as e:
        print("inner caught", e)
        yield 2
    return "inner done"


def outer():
    value = yield from inner()
    print("outer got", value)
    yield from [7, 8]
    return (yield from range(0))


g = outer()
print(next(g), g.throw(ValueError("boom")), next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration", e.value)


def failing():
    yield 1
    raise KeyError("k")


def wrapper():
    try:
        yield from failing()
    except KeyError as e:
        print("wrapper caught", repr(e))
        yield "recovered"


print(list(wrapper()))
