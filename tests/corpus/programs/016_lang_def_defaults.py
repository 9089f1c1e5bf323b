# Default arguments, evaluated once at definition time
def power(base, exp=2):
    return base ** exp
print(power(3), power(3, 3), power(exp=0, base=5))
counter = 10
def snapshot(v=counter):
    return v
counter = 20
print(snapshot())
def append_to(x, acc=[]):
    acc.append(x)
    return acc
print(append_to(1), append_to(2))
def safe_append(x, acc=None):
    if acc is None:
        acc = []
    acc.append(x)
    return acc
print(safe_append(1), safe_append(2))
def describe(name, greeting="Hello", punct="!"):
    return f"{greeting}, {name}{punct}"
print(describe("Ada"), describe("Bob", punct="?"), describe("Cy", "Hi"))
print(power.__name__)
