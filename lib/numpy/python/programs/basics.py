import numpy as np
a = np.arange(12, dtype=np.float32).reshape(3, 4)
print(a)
print(repr(a))
print(a.shape, a.dtype, a.ndim, a.size, a.T.shape, a.itemsize, a.nbytes, a.strides)
b = a * 2 + 1
print(b.sum(), b.mean(axis=0), b.max(axis=1), b.min(), b.argmax(), b.std(), b.var(ddof=1))
print(a[1], a[1, 2], a[:, 1:3], a[..., -1], a[::-1, ::2])
print(a[np.array([0, 2])], a[[0, 2], [1, 3]], a[a > 5])
a[0, :] = 7
a[:, 0] += 1
a[a > 9] = -1
print(a)
print(np.float32(1.5) + 1, type(np.float32(1.5) + 1), np.float32(1.5) * 2.0)
print(np.zeros((2, 2)) @ np.ones((2, 3)))
print(np.exp(np.array([0.0, 1.0])), np.sqrt(np.float64(2)))
print(a.dtype == np.float32, a.dtype == 'float32', np.dtype('float32'), repr(np.dtype('int8')), a.dtype.itemsize)
print(f"{np.float32(2.5):.3f}", float(np.float64(3.25)), int(np.int32(7)), f"{np.int64(5):04d}")
for row in np.eye(2):
    print(row)
print(np.allclose(a, a), np.array_equal(a, a + 1), len(a), 3.0 in a)
print(a.tolist(), np.array([1, 2, 3]).tolist(), np.float64(2.5).item(), a.sum(axis=1).tolist())
x = np.array([[1, 2], [3, 4]])
print(x.dtype, x * 2, x / 2, x // 3, x % 3, -x, abs(-x), x ** 2, x == 2, x < 3)
print(x.astype(np.float16), x.astype('uint8') - 3)
y = x.copy()
y += 1
y *= 2
print(y, x)
print(np.int8(100) + np.int8(100), np.uint8(250) + 10)
print(np.array([True, False]) & np.array([True, True]), ~np.array([True, False]))
print(np.array(5), np.array([]), np.array([[1.5, 2], [3, 4]]))
print(bool(np.array([1])), np.array(3.5) + 1)
print(np.array(range(5)), np.array(range(10, 0, -3), dtype=np.float32), np.arange(3) + range(3))
print(sorted(np.array([3, 1, 2])), max(np.array([4, 9, 2])), sum(np.arange(4)), list(np.arange(3.0)))
lst = [10, 20, 30]
print(lst[np.int64(2)], list(range(np.int32(3))), np.sum([1, 2, 3]), np.mean((1.0, 2.0)))
