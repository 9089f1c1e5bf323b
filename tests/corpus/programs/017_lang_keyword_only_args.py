# Keyword-only arguments after * and after *args
def tile(x, *, size=128, axis=0):
    return (x, size, axis)
print(tile(1), tile(2, size=64), tile(3, axis=1, size=32))
def log(*msgs, sep=" ", end="."):
    return sep.join(str(m) for m in msgs) + end
print(log("a", "b", 3), log(1, 2, sep="-", end="!"))
def req(a, *, b):
    return a + b
print(req(1, b=2))
try:
    req(1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    req(1)
except TypeError as e:
    print("TypeError:", e)
