parts = []
for i in range(100_000):
    parts.append(f"{i:05d}:{i / 7:.3f}|" + str(i % 13))
s = ",".join(parts)
print(len(s), s[:40])
