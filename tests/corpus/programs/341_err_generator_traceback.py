# An exception raised inside a generator body while a for loop drives it: traceback through the generator frame
def scaled(values, d):
    for v in values:
        yield v * 10 // d
def run(n):
    total = 0
    for x in scaled(range(n), 2 - n % 3):
        total += x
    return total
print(run(3))
print(run(2))
print(run(4))
print(run(5))
print(run(8))
