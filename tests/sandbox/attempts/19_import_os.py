# expect: error AttributeError
# os exists only as environment strings and path arithmetic: no filesystem, processes or host calls.
import os
print("ESCAPED", os.listdir("/"))
