# __format__, __str__ and __repr__ of user classes inside f-strings, format() and %-formatting
class Temp:
    def __init__(self, c):
        self.c = c
    def __format__(self, spec):
        if spec.endswith("F"):
            return format(self.c * 9 / 5 + 32, spec[:-1] + "f") + "°F"
        return format(self.c, spec or ".1f") + "°C"
    def __str__(self):
        return f"Temp({self.c})"
    def __repr__(self):
        return f"Temp(c={self.c!r})"
t = Temp(21.5)
print(f"{t}", f"{t:.3}", f"{t:.0F}", f"{t!s}", f"{t!r}", format(t, "8.2f"))
print("%s | %r" % (t, t), str(t), repr([t]))
print("{0} {0:.2F} {0!r:>20}".format(t))
class NoStr:
    def __str__(self):
        return 42
try:
    str(NoStr())
except TypeError as e:
    print("TypeError:", e)
class Plain:
    pass
try:
    format(Plain(), "d")
except TypeError as e:
    print("TypeError:", e)
print(format(Plain(), "") .startswith("<__main__.Plain object at"))
