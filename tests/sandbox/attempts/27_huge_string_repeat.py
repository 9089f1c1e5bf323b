# expect: error MemoryError
# A terabyte string.
s = "a" * 10 ** 12
print("ESCAPED", len(s))
