# Generators driven by send/throw/close: coroutine-style averagers, recovery, finally, return values
def averager():
    total, count, avg = 0.0, 0, None
    while True:
        value = yield avg
        total += value
        count += 1
        avg = total / count
a = averager()
print(next(a), a.send(10), a.send(20), a.send(60))
def worker():
    try:
        while True:
            try:
                job = yield "ready"
                print("job", job)
            except ValueError as e:
                print("recovered from", e)
                yield "recovered"
    finally:
        print("worker closing")
w = worker()
print(next(w), w.send("a"), w.throw(ValueError("bad input")), next(w))
w.close()
w.close()
try:
    next(w)
except StopIteration:
    print("stopped")
def ret():
    yield 1
    return "result"
r = ret()
next(r)
try:
    next(r)
except StopIteration as e:
    print("value:", e.value, e.args)
g = ret()
try:
    g.send(5)
except TypeError as e:
    print("TypeError:", e)
h = ret()
try:
    h.throw(KeyError, "k")
except KeyError as e:
    print("KeyError", e)
print(list(h))
