# expect: error TimeoutError
# Thousands of operations that each take milliseconds on a 4-million-bit int: the loop runs far past
# the time limit unless the clock is checked after each huge-int operation.
x = 7 ** 1_500_000
y = 0
for i in range(100_000):
    y = (x * (i + 3)) % (x - 1)
