# OverflowError cases: float power, int to float, math.exp
import math
print(2.0 ** 1000)
for f in [lambda: 2.0 ** 10000, lambda: float(10 ** 400), lambda: math.exp(1000), lambda: int(float("inf"))]:
    try:
        f()
    except OverflowError as e:
        print("caught:", e)
print(10 ** 400 > 1e308)
x = 1.5
for i in range(20):
    x = x ** 2
print(x)
print(math.exp(1000))
