# Messages found by differential fuzzing: descriptor reprs, item deletion wording by type, chr's range errors.
print(repr(int.real), repr(str.upper), repr(list.append), repr(int.__add__))
for e in [lambda: chr(2**31), lambda: chr(-2**40)]:
    try: e()
    except Exception as x: print(type(x).__name__, x)
for v in [(1,2), "ab", {1}, 5, None, range(3)]:
    try:
        del v[0]
    except TypeError as x: print(x)
class Box:
    def __getitem__(self, i):
        return i
class Plain:
    pass
for v in (Box(), Plain()):
    try:
        del v[0]
    except TypeError as x:
        print(x)
