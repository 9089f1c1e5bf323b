# ndarray.view reinterprets bits between same-size types (the bfloat16 rounding trick on uint32
# views), writes through a view reach the original, fill converts strings like float(), and
# transpose with the wrong number of axes is numpy's ValueError.
import numpy as np
x = np.array([1.0, -2.5, 0.15625], dtype=np.float32)
u = x.view(np.uint32)
print(repr(u), repr(x.view(np.int32)), repr(u.view(np.float32)), repr(x.view()), repr((u >> 16).astype(np.uint16)))
u[0] = 0x40000000
print(repr(x))
bf16 = ((x.view(np.uint32) + 0x7FFF + ((x.view(np.uint32) >> 16) & 1)) >> 16).astype(np.uint16)
print(repr(bf16), repr((bf16.astype(np.uint32) << 16).view(np.float32)))
print(repr(np.array([1, 255], np.uint8).view(np.int8)), repr(np.array([-1], np.int16).view(np.uint16)), repr(np.float32(1.5).view(np.int32)))
a = np.zeros(3); a.fill("2.5"); print(a)
try:
    a.fill("x")
except ValueError as e:
    print(e)
try:
    np.transpose(np.ones((2, 2)), (0, 1, 2))
except ValueError as e:
    print(e)
