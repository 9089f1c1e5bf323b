# Uncaught TypeError from mixing str and int inside a function
def label(prefix, count):
    return prefix + count
def report(items):
    lines = []
    for name, n in items:
        lines.append(label(name + ": ", n))
    return lines
print(label("tiles: ", "4"))
print(report([("a", "1"), ("b", "2")]))
print("about to fail")
print(report([("c", "3"), ("d", 4)]))
