# expect: error MemoryError|TimeoutError
# Appending large chunks in a loop.
chunk = "y" * 10 ** 6
acc = ""
while True:
    acc += chunk
