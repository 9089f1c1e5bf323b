class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def add(self, o):
        return Vec(self.x + o.x, self.y + o.y)
v = Vec(0, 0)
d = Vec(1, 2)
for i in range(300_000):
    v = v.add(d)
print(v.x, v.y)
