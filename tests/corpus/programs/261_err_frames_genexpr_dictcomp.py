# Uncaught error inside a dict comprehension called from a method
class Stats:
    def __init__(self, data):
        self.data = data
    def ratios(self):
        return {k: v[0] / v[1] for k, v in self.data.items()}
    def total(self):
        return sum(v[0] for v in self.data.values())
s = Stats({"a": (1, 2), "b": (3, 4)})
print(s.ratios(), s.total())
s.data["c"] = (5, 0)
print(s.total())
print(s.ratios())
