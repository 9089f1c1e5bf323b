# Operator overloading and container protocol dunders
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __add__(self, other):
        return Money(self.cents + other.cents)
    def __sub__(self, other):
        return Money(self.cents - other.cents)
    def __mul__(self, k):
        return Money(self.cents * k)
    __rmul__ = __mul__
    def __eq__(self, other):
        return isinstance(other, Money) and self.cents == other.cents
    def __lt__(self, other):
        return self.cents < other.cents
    def __repr__(self):
        return f"${self.cents // 100}.{self.cents % 100:02d}"
    def __bool__(self):
        return self.cents != 0
a, b = Money(250), Money(199)
print(a + b, a - b, a * 3, 2 * b)
print(a == Money(250), a == b, a != b, b < a, sorted([a, b, Money(5)]))
print(bool(Money(0)), bool(a))
class Bag:
    def __init__(self, *items):
        self.items = list(items)
    def __len__(self):
        return len(self.items)
    def __getitem__(self, i):
        return self.items[i]
    def __contains__(self, x):
        return x in self.items
bag = Bag("x", "y", "z")
print(len(bag), bag[1], bag[-1], "y" in bag, "w" in bag)
