# expect: error MemoryError|ValueError|OverflowError
# A format width of a trillion characters.
print("ESCAPED", len(f"{1:{10 ** 12}}"))
