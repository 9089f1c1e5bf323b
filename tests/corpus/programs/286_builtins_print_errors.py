# print() argument validation and sys.stdout.write types
import sys
print("a", "b", sep=None, end=None)
print(*[], sep="-")
print("x", file=None)
for bad in [lambda: print("a", sep=5), lambda: print("a", end=0), lambda: sys.stdout.write(5), lambda: print("a", flush=1, bad=2)]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
print(str(print("nested") is None))
class Loud:
    def __str__(self):
        return "LOUD"
print(Loud(), [Loud()][0], sep=" / ", end=" <end>\n")
sys.stdout.write("len=" + str(sys.stdout.write("abc")) + "\n")
