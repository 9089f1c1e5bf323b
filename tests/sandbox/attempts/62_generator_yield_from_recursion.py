# expect: error RecursionError
# Generators delegating to ever deeper generators end in RecursionError, not a JavaScript stack overflow
# reported as an internal error.
def down(n):
    yield from down(n + 1)
next(down(0))
