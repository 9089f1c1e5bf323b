# expect: error
# sys offers stdout/stderr only: no modules table, no path, no exit hooks.
import sys
print(sys.stdout is not None)
mods = sys.modules
print("ESCAPED", sorted(mods))
