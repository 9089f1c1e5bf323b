# Uncaught error raised from a for-else clause, with a finally that prints first
def search(items, target):
    try:
        for i, v in enumerate(items):
            if v == target:
                return i
        else:
            raise LookupError(f"{target!r} not found in {len(items)} items")
    finally:
        print("searched", items)
print(search([3, 5, 7], 5))
print(search(["a"], "b"))
