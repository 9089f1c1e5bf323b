# Uncaught error inside a list comprehension inside a function: the traceback has a <listcomp> frame
def inverses(values):
    return [1 / v for v in values]
print(inverses([1, 2, 4]))
def report(rows):
    out = []
    for r in rows:
        out.append(inverses(r))
    return out
print(report([[1], [2, 5]]))
print(report([[1, 0]]))
