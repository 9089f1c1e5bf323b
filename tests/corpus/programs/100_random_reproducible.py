# Re-seeding reproduces the same stream; Random instances are independent
import random
random.seed(123)
a = [random.random() for _ in range(3)]
random.seed(123)
b = [random.random() for _ in range(3)]
print(a == b, a)
r1 = random.Random(5)
r2 = random.Random(5)
print([r1.randint(0, 1000) for _ in range(5)], [r2.randint(0, 1000) for _ in range(5)])
random.seed(2024)
deck = [f"{r}{s}" for s in "SH" for r in "A23"]
random.shuffle(deck)
print(deck, random.choice(deck))
print(random.choices([1, 2, 3], k=5), random.randrange(-50, 50))
random.seed(1)
print([random.randint(1, 6) for _ in range(10)])
print(round(random.normalvariate(10, 2), 12), round(random.expovariate(1.5), 12))
