# expect: any
# Module objects: __dict__, __loader__, __spec__, __file__ must not expose the host.
import math
print(math.__name__)
print(sorted(k for k in math.__dict__ if k.startswith("__")))
print(math.__loader__, math.__spec__)
print("ESCAPED", math.__file__)
