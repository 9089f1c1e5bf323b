# expect: error MemoryError|TimeoutError
# Repeating a large string, then a quadratic-memory pattern: joining ever-growing slices.
base = "abc" * 10 ** 7
parts = []
for i in range(10 ** 6):
    parts.append(base[i:])
print("ESCAPED", len(parts))
