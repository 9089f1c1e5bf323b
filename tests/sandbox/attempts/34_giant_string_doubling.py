# expect: error MemoryError|TimeoutError
# Doubling a string until memory runs out.
s = "x"
while True:
    s = s + s
