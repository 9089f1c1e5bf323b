# Uncaught bare AssertionError (no message)
def check(values):
    total = 0
    for v in values:
        assert v >= 0
        total += v
    return total
print(check([1, 2, 3]))
print(check([]))
print(check([4, -1]))
print("unreachable")
