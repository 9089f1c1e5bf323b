# Reductions over empty arrays and axes of length zero: identities, nan means, and errors
import numpy as np
e = np.array([], dtype=np.float64)
z = np.zeros((0, 3))
print(e.sum(), e.prod(), z.sum(axis=0), z.sum(axis=1), z.prod(axis=0), np.cumsum(e), e.any(), e.all())
print(np.mean(e), np.mean(z, axis=0), np.nanmean(np.array([np.nan, np.nan])), z.max(axis=1), z.min(axis=1).shape)
for f in [lambda: e.max(), lambda: z.max(axis=0), lambda: np.argmax(e), lambda: np.argmin(z, axis=0), lambda: np.min(e)]:
    try:
        print(f())
    except ValueError as err:
        print("ValueError:", err)
print(np.zeros((2, 0)).mean(axis=1), np.ones((0,), dtype=np.int32).sum().dtype, np.std(np.ones(1)), np.var(np.array([5.0])))
print(np.sort(e), np.argsort(e), np.einsum("i,i->", e, e), e @ e, np.linalg.norm(e))
rows = [np.arange(n, dtype=np.float32) for n in range(4)]
print([r.sum() for r in rows], [float(r.mean()) if r.size else None for r in rows])
