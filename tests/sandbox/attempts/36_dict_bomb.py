# expect: error MemoryError|TimeoutError
# A dict that grows without bound with sizeable values.
d = {}
i = 0
while True:
    d[i] = [i] * 10000
    i += 1
