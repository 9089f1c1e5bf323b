# Integer arrays never hold -0 (so casting them to float prints 0.), np.trace follows sum's dtype
# rules, np.clip ignores out-of-range Python int bounds of integer arrays, float32 histogram edges
# and linspace of float32 ends are computed in float32, einsum accumulates in float32, and bools
# round or take percentiles the way numpy allows.
import numpy as np

a = np.array([-0.3, 0.2, -1.7, 2.9]).astype(np.int64)
print(a.astype(np.float64), np.tanh(a), np.array([0, 3]) * -2 / 1.0, np.cumprod(np.array([0, -5])) / 1.0, a.astype(np.float16))
u = np.arange(12, dtype=np.uint8).reshape(3, 4)
print(repr(np.trace(u)), repr(np.trace(u, 1)), repr(np.trace(u.astype(np.float32) / 3)), repr(np.trace(np.arange(24).reshape(2, 3, 4))))
print(repr(np.clip(np.array([0, 5, 200], np.uint8), -1, 1)), repr(np.clip(np.array([-100, 5, 100], np.int8), 0, 1000)))
try:
    np.clip(np.array([0, 5], np.uint8), 300, 400)
except OverflowError as e:
    print("OverflowError:", e)

np.random.seed(4)
x = (np.random.randn(4, 4) * 0.5).astype(np.float32)
print(repr(np.histogram(x, bins=3)))
print(repr(np.linspace(np.float32(0.1), np.float32(0.7), 7)), repr(np.linspace(np.float32(0.1), 0.7, 5, retstep=True)))
print(repr(np.linspace(np.float16(-1), np.float16(3), 6)), repr(np.linspace(np.int8(0), np.int8(10), 4)))
m = (np.random.randn(7, 9) * 3).astype(np.float32)
n = (np.random.randn(9, 5) * 3).astype(np.float32)
print(repr(np.einsum("ij->j", m)), repr(np.einsum("ij,jk->ik", m, n)[:2]))

b = np.array([True, False])
print(repr(np.round(b)), repr(np.median(b)))
for f in (lambda: np.round(b, 2), lambda: np.round(b, -1), lambda: np.percentile(b, 50)):
    try:
        f()
    except TypeError as e:
        print(type(e).__name__, e)
rng = np.random.default_rng(7)
for dt in (np.float32, np.float64, np.float16):
    p = (rng.standard_normal((3, 37)) * 3).astype(dt)
    q = (rng.standard_normal((2, 37)) * 3).astype(dt)
    print(repr(np.einsum("ij->i", p)), repr(np.einsum("ij,kj->ik", p, q)), repr(np.einsum("i,i->", p[0], q[1])))
