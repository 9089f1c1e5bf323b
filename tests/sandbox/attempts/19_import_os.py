# expect: error ModuleNotFoundError
# Host modules are not importable.
import os
print("ESCAPED", os.listdir("/"))
