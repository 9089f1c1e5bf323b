# expect: error MemoryError|TimeoutError|OverflowError
# One uninterruptible bigint operation: 10**(10**8) has 100 million digits (41 MB) and takes minutes.
x = 10 ** (10 ** 8)
print("ESCAPED", x.bit_length())
