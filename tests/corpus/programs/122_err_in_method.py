# Uncaught error raised inside a method called from a loop
class Accumulator:
    def __init__(self):
        self.total = 0
        self.count = 0
    def add(self, v):
        self.total += v
        self.count += 1
    def mean(self):
        return self.total / self.count
acc = Accumulator()
for v in [1, 2, 3]:
    acc.add(v)
print(acc.mean())
acc2 = Accumulator()
print(acc2.count)
print(acc2.mean())
