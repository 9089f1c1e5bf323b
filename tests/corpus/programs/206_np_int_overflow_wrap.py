# Fixed-width integer wraparound in numpy arrays
import numpy as np
a = np.array([100, 120], dtype=np.int8)
print(a + a, a * 2, -np.array([-128], dtype=np.int8), (a + a).dtype)
u = np.array([250, 5], dtype=np.uint8)
print(u + np.uint8(10), u - np.uint8(10), u * 2, (u * 2).dtype)
i32 = np.array([2 ** 31 - 1], dtype=np.int32)
print(i32 + 1, i32 * 2, np.array([2 ** 62]) * 4)
print(np.array([1000], dtype=np.int16) * 100, np.array([-7, 7], dtype=np.int32) // 2, np.array([-7, 7]) % 3)
print(np.arange(5, dtype=np.uint16) - 1)
print(np.array([3.7, -3.7]).astype(np.int8), np.array([255.9]).astype(np.uint8), np.array([-1]).astype(np.uint32))
