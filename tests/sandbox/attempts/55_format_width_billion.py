# expect: error MemoryError|ValueError|OverflowError
# str.format with a keyword width of a billion characters.
print("ESCAPED", len("{:>{w}}".format("x", w=10 ** 9)))
