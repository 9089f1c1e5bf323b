# Augmented assignment evaluates its target expression once; chained comparison and walrus-free patterns
calls = []
def idx(i):
    calls.append(i)
    return i
data = [10, 20, 30]
data[idx(1)] += 5
print(data, calls)
class Obj:
    def __init__(self):
        self.v = 1
        self.reads = 0
    def get(self):
        self.reads += 1
        return self
o = Obj()
o.get().v += 10
print(o.v, o.reads)
grid = {"row": [0, 0]}
grid["row"][idx(0)] -= 3
print(grid, calls)
s = "ab"
t = s
s += "c"
print(s, t, s is t)
n = 5
n **= 2
n //= 3
n <<= 1
print(n)
