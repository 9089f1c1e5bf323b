# An exception raised inside an except block (implicit chaining)
def risky():
    return [][1]
print("start")
try:
    risky()
except IndexError as e:
    print("caught first:", e)
try:
    risky()
except IndexError:
    result = {}["during handling"]
print("unreachable")
