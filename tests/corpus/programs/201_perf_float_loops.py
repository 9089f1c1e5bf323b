# Pure-Python float loops: numerical integration and series
# corpus: tolerance=1e-12
import math
def integrate(f, a, b, n):
    h = (b - a) / n
    s = 0.5 * (f(a) + f(b))
    for i in range(1, n):
        s += f(a + i * h)
    return s * h
print(integrate(lambda x: x * x, 0.0, 1.0, 1000))
print(integrate(math.sin, 0.0, math.pi, 2000))
leibniz = 0.0
for k in range(100000):
    leibniz += (-1) ** k / (2 * k + 1)
print(4 * leibniz)
x = 1.0
for _ in range(30):
    x = x - (x * x - 2) / (2 * x)
print(x, x * x)
acc = 0.0
for i in range(1, 1001):
    acc += 1.0 / (i * i)
print(acc, math.pi ** 2 / 6 - acc)
