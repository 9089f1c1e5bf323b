# Uncaught error raised by a context manager's __enter__, after a successful with block
class Resource:
    opened = 0
    def __init__(self, limit):
        self.limit = limit
    def __enter__(self):
        Resource.opened += 1
        if Resource.opened > self.limit:
            raise RuntimeError(f"too many open resources: {Resource.opened}")
        return self
    def __exit__(self, *exc):
        return False
with Resource(1) as r:
    print("first", r.limit)
with Resource(1) as r:
    print("second")
