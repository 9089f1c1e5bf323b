# numpy's abstract scalar classes in host helpers: isinstance(x, np.floating/np.integer), issubdtype
import numpy as np
x = np.float32(1.5)
print(isinstance(x, np.floating), isinstance(x, np.number), isinstance(x, np.integer), isinstance(np.int8(1), np.signedinteger))
print(isinstance(np.uint8(1), np.unsignedinteger), isinstance(np.True_, np.generic), isinstance(np.float64(1), np.inexact))
print(issubclass(np.float16, np.floating), issubclass(np.int64, np.integer), np.floating, np.generic, np.float32.__mro__ if False else "")
print(isinstance(np.arange(3).sum(), np.integer), isinstance(np.ones(2).max(), (float, np.floating)), isinstance(3.0, np.floating))
def to_py(v):
    if isinstance(v, np.integer):
        return int(v)
    if isinstance(v, np.floating):
        return float(v)
    return v
print([to_py(v) for v in [np.int32(3), np.float32(0.5), "s", np.arange(2)[1]]])
try:
    np.floating(1.0)
except TypeError as e:
    print(e)
print(np.issubdtype(np.float32, np.floating), np.issubdtype(np.int8, np.integer), np.issubdtype(np.float64, np.integer))
print(np.issubdtype(np.arange(3).dtype, np.integer), np.issubdtype(np.dtype("float16"), np.number))
