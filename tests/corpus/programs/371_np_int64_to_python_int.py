# int64 values past 2^53 become Python ints with the stored double's exact value (tolist, item,
# int(), use as an index), so they print and compute as Python ints; values within 2^53 are exact.
import numpy as np

a = np.array([2**60 + 2**40, -2**62], dtype=np.int64)
print(a.tolist(), a[0].item(), int(a[0]), a.tolist()[0] + 1, type(a.tolist()[0]).__name__)
print(str(a[1]), repr(a))
x = np.int64(2**60)
print(int(x), x.item(), [1, 2, 3][np.int64(1)], float(x), hex(int(x)), range(10)[np.int8(2)])
print(np.array([2**55, 3], dtype=np.uint64).tolist(), sum(np.array([2**54, 2**54]).tolist()))
print(np.array([2**53 - 1, -(2**53) + 1]).tolist(), int(np.uint32(4000000000)))
