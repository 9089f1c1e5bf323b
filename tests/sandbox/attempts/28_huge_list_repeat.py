# expect: error MemoryError
# A list of 10**11 elements.
lst = [0] * 10 ** 11
print("ESCAPED", len(lst))
