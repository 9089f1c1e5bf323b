# expect: error MemoryError|TimeoutError
# Materialising a huge range.
values = list(range(10 ** 12))
print("ESCAPED", len(values))
