# expect: error MemoryError|TimeoutError|OverflowError
# An integer with ten billion digits.
x = 10 ** 10 ** 10
print("ESCAPED", x % 7)
