# Stress: many pseudo-random floats through repr, str.format, %-formatting and round
import random
random.seed(2024)
rows = []
for i in range(150):
    x = random.uniform(-1, 1) * 10 ** random.randint(-25, 25)
    if i % 10 == 0:
        x = round(x, random.randint(-3, 6))
    rows.append(f"{x!r} {x:.6g} {x:e} {x:,.3f} {x:+.2%} {round(x, 4)!r} {x:12.4G}|" + "%.5g %r %08.2f" % (x, x, x))
print("\n".join(rows))
halves = [k / 8 for k in range(-20, 21)]
print([round(h) for h in halves])
print([round(h, 1) for h in halves])
print(["%.0f" % h for h in halves])
print([f"{h:.1f}" for h in halves])
