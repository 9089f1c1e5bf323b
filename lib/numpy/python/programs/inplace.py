# In-place operators and out= on float arrays long enough for the SIMD loops (several 8192-element
# staging chunks), including operands that alias the target. Each result prints every 997th
# element exactly and the sum of all elements to 9 digits.
import numpy as np

def bits(a):
    flat = a.reshape(-1)
    return f"{flat[::997].tolist()} {float(flat.astype(np.float64).sum()):.9e}"

n = 20011
base = np.arange(n, dtype=np.float32) * np.float32(0.37) - np.float32(3000.5)
other = np.sin(np.arange(n, dtype=np.float32))

a = base.copy(); a += other; print("a += b", bits(a))
a = base.copy(); a -= other; print("a -= b", bits(a))
a = base.copy(); a *= 2.5; print("a *= 2.5", bits(a))
a = base.copy(); a /= other + 2; print("a /= b + 2", bits(a))
a = base.copy(); a += a; print("a += a", bits(a))
a = base.copy(); a *= a; print("a *= a", bits(a))

# Overlapping views: numpy reads the operands as they were before the operation.
a = base.copy(); a[1:] += a[:-1]; print("a[1:] += a[:-1]", bits(a))
a = base.copy(); a[:-1] += a[1:]; print("a[:-1] += a[1:]", bits(a))
a = base.copy(); a[100:10100] -= a[0:10000]; print("a[100:10100] -= a[0:10000]", bits(a))

# Views at an offset, and strided targets (not contiguous).
big = base.copy(); v = big[7:7 + 10000]; v += other[:10000]; print("view += b", bits(big))
big = base.copy(); s = big[::2]; s += 1.0; print("strided += 1", bits(big))

# Row and column broadcasts (softmax-style normalisation), 2-D.
x = (base[:20000].reshape(40, 500)).copy()
x -= x.max(axis=1, keepdims=True); print("x -= rowmax", bits(x))
x = (base[:20000].reshape(40, 500)).copy()
x /= x.sum(axis=1, keepdims=True); print("x /= rowsum", bits(x))
x = (base[:20000].reshape(40, 500)).copy()
x += other[:500]; print("x += bias", bits(x))
x = (base[:20000].reshape(40, 500)).copy()
x -= x[0]; print("x -= x[0]", bits(x))
x = (base[:20000].reshape(40, 500)).copy()
x -= x[:, :1]; print("x -= x[:, :1]", bits(x))

# out=
c = np.empty_like(base); np.add(base, other, out=c); print("add out=c", bits(c))
c = base.copy(); np.multiply(c, other, out=c); print("multiply out=c (aliased)", bits(c))
c = base.copy(); r = np.maximum(c, 0.0, out=c); print("maximum out=c", bits(c), r is c)
c = np.zeros(n, dtype=np.float32); np.subtract(base, other, out=(c,)); print("subtract out=(c,)", bits(c))
d = np.zeros(n, dtype=np.float64); np.add(base, other, out=d); print("float32 -> float64 out", bits(d))

# float64 and a comparison into a bool target.
a64 = base.astype(np.float64); a64 += other.astype(np.float64) * 3; print("float64 +=", bits(a64))
m = np.zeros(n, dtype=bool); np.greater(base, other, out=m); print("greater out=m", int(m.sum()))

# Casting errors still raise.
i = np.arange(n, dtype=np.int32)
try:
    i += 1.5
except Exception as e:
    print(type(e).__name__, e)
