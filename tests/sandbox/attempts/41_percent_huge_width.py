# expect: error MemoryError|ValueError|OverflowError
# printf-style star width.
print("ESCAPED", len("%*d" % (10 ** 12, 1)))
