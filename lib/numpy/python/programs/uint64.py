# uint64: the accumulator numpy gives unsigned-int sums, products and cumulative sums, within 2^53
import numpy as np

b = np.arange(10, dtype=np.uint8)
print(b.sum(), b.sum().dtype, b.prod(), b.cumsum(), b.cumsum().dtype, np.sum(b, axis=0).dtype)
u = np.array([[60000, 7], [3, 65535]], dtype=np.uint16)
print(u.sum(axis=0), u.sum(axis=1).dtype, u.prod(), np.cumprod(u, axis=1), np.array([4000000000], dtype=np.uint32).sum() * 3)
s = b.sum()
print(repr(s), type(s).__name__, s + 1, (s + 1).dtype, s + np.int64(1), (s + np.int64(1)).dtype, s * 2.5, s // 4, s % 7)
w = np.array([3, 5], dtype=np.uint64)
print(w, w.dtype, repr(w), w - np.uint64(3), w * w, w ** 2, w & 6, w | 8, w ^ 1, w >> 1, w << 3, np.maximum(w, 4))
print(w.astype(np.int32), np.array([1.9, 2**40]).astype(np.uint64), np.array([7, 300], dtype=np.int64).astype("u8"), np.dtype("uint64"), np.dtype("u8").char)
print(np.uint64(42), repr(np.uint64(7)), np.iinfo(np.uint64).max, repr(np.iinfo(np.uint64)), np.promote_types(np.uint64, np.int8), np.result_type(np.uint64, np.uint8))
print(np.zeros(3, dtype=np.uint64), np.ones((2, 2), dtype="uint64").sum(), w.mean(), w.max(), w.min().dtype, w.tolist(), w[1].item(), int(w[0]), float(w[1]))
for bad in [lambda: w + (-1), lambda: np.uint64(-1)]:
    try:
        print(bad())
    except OverflowError as e:
        print("OverflowError:", e)
print(np.sort(w[::-1]), np.unique(np.array([5, 3, 5], dtype=np.uint64)), np.where(w > 4, w, 0), np.concatenate([w, np.array([1], dtype=np.uint8)]).dtype)
print(np.clip(w, 4, 6), w.reshape(2, 1) + w, np.dot(w, w), np.sqrt(w), w / 2, np.add.reduce(w), np.arange(3, dtype=np.uint64), np.full(2, 7, dtype="uint64"))
r = np.random.default_rng(5)
print(r.integers(0, 2**40, 4, dtype=np.uint64), r.integers(0, 2**64 - 1, 2, dtype=np.uint64, endpoint=True).dtype, r.integers(7, size=3, dtype=np.uint64))
np.random.seed(3)
print(np.random.randint(0, 1000, 5, dtype=np.uint64), np.random.randint(0, 2**50, 2, dtype="u8"))
