# expect: error MemoryError|TimeoutError
# Joining a large list of megabyte strings.
parts = ["z" * 10 ** 6] * 10 ** 5
joined = "".join(parts)
print("ESCAPED", len(joined))
