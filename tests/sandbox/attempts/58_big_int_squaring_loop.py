# expect: error TimeoutError|OverflowError
# Repeated squaring of a huge int: each multiplication takes longer than the last, so the wall clock
# must be checked after every one (not once per few thousand loop iterations), and a product too large
# to compute in reasonable time is refused before it starts.
x = 3 ** 1_000_000
while True:
    x = x * x
