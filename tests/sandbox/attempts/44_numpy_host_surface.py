# expect: error
# numpy's file and C interfaces are not part of Kernel Lab's numpy.
import numpy as np
a = np.arange(3)
for name in ["load", "save", "fromfile", "memmap", "ctypeslib", "lib"]:
    print(name, hasattr(np, name))
print("ESCAPED", a.ctypes.data)
