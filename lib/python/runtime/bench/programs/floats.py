x = 0.0
for i in range(1_000_000):
    x = x * 0.999 + i * 0.5
print(round(x, 3))
