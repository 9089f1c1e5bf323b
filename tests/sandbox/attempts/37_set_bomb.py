# expect: error MemoryError|TimeoutError
# A set built from a ten-billion element range.
s = set(range(10 ** 10))
print("ESCAPED", len(s))
