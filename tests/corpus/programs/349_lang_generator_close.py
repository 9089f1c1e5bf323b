# close() raises GeneratorExit at the paused yield; yielding again makes close() raise RuntimeError.
def catches():
    try:
        yield 1
    except BaseException as e:
        print("caught", type(e).__name__, repr(e), isinstance(e, Exception))
        raise
    finally:
        print("finally ran")


g = catches()
print(next(g), g.close(), g.close(), list(g))


def swallows():
    try:
        yield 1
    except GeneratorExit:
        print("swallowed")


g = swallows()
next(g), g.close()
catches().close()  # never started: nothing runs


def inner():
    try:
        yield "a"
    finally:
        print("inner finally")


def outer():
    try:
        yield from inner()
    finally:
        print("outer finally")


g = outer()
print(next(g), g.close())


def stubborn():
    try:
        yield "x"
    except GeneratorExit:
        print("ignoring")
    yield "again"


g = stubborn()
try:
    next(g)
    g.close()
except RuntimeError as e:
    print("RuntimeError:", e)
print(g.close())  # suspended at "again": GeneratorExit ends it
