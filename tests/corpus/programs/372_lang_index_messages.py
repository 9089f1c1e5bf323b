# Index TypeErrors and IndexErrors worded per sequence type as CPython words them (range vs range object).
for v in (range(5), [1], (1,), "ab"):
    try:
        v["x"]
    except TypeError as e:
        print(e)
print(range(5)[-1])
try:
    range(5)[10]
except IndexError as e:
    print(e)
try:
    range(3)[1.5]
except TypeError as e:
    print(e)
