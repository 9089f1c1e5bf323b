# Scoping gotchas: the except-target is deleted after the handler; comprehension variables do not leak
try:
    1 / 0
except ZeroDivisionError as err:
    saved = err
    print("handled", err)
try:
    print(err)
except NameError as e:
    print("NameError:", e)
print("saved survives:", type(saved).__name__)
e = "outer e"
try:
    {}["k"]
except KeyError as e:
    pass
try:
    print(e)
except NameError as ne:
    print("NameError:", ne)
squares = [n * n for n in range(4)]
try:
    print(n)
except NameError as ne:
    print("NameError:", ne)
for i in range(3):
    pass
print("loop variable leaks:", i)
def f():
    try:
        return x_undefined
    except NameError as inner:
        return str(inner)
print(f())
