# expect: error ModuleNotFoundError
# import x.y and from x import y forms for host modules.
from os.path import join
print("ESCAPED", join("a", "b"))
