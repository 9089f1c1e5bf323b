# Conditional expressions (a if c else b) and nesting
def classify(n):
    return "neg" if n < 0 else "zero" if n == 0 else "pos"
for n in [-3, 0, 7]:
    print(n, classify(n))
xs = [x if x % 2 == 0 else -x for x in range(8)]
print(xs)
a = 5
b = (a * 2) if a > 3 else (a / 2)
print(b)
label = "big" if a > 100 else ("medium" if a > 4 else "small")
print(label)
print((lambda v: "odd" if v % 2 else "even")(9))
print([("T" if c else "F") for c in (True, False, 1, 0, "x", "")])
