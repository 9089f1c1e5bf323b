# Pure-Python string formatting workload
rows = []
for i in range(20):
    v = i * 1.37
    rows.append("%3d | %8.3f | %-6s | %s" % (i, v, "x" * (i % 5), f"{v:.2e}"))
print("\n".join(rows[:5]))
print(len("".join(rows)), rows[-1])
parts = []
for i in range(1000):
    parts.append(str(i))
s = ",".join(parts)
print(len(s), s[:20], s[-20:])
table = "\n".join("{:>4}{:>8.2f}{:>10}".format(i, i / 7, hex(i * 997)) for i in range(0, 50, 10))
print(table)
csv = "\n".join(",".join(str(r * c) for c in range(5)) for r in range(4))
print(csv)
