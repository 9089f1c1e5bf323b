# numpy printing of int and bool arrays, repr with dtype suffixes
import numpy as np
print(np.array([1, -20, 300]))
print(repr(np.array([1, 2, 3])))
print(repr(np.array([1, 2], dtype=np.int32)), repr(np.array([1, 2], dtype=np.int8)), repr(np.array([7], dtype=np.uint8)))
print(repr(np.array([True, False])), np.array([True, False, True]))
print(np.arange(24).reshape(2, 3, 4))
print(repr(np.arange(6).reshape(2, 3)))
print(repr(np.zeros((2, 0))), repr(np.array([], dtype=np.int32)), repr(np.array([])))
print(repr(np.array(7)), repr(np.array(2.5)), repr(np.array(True)))
print(np.array([[True], [False]]), repr(np.array([-5, 5], dtype=np.int16)))
print(repr(np.array([1.0, 2.0], dtype=np.float16)), repr(np.array([0, 1], dtype=np.uint32)))
x = np.arange(3, dtype=np.int64)
print(x, repr(x), str(x), x.tolist())
