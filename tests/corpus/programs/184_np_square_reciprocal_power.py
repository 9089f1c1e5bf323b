# square, reciprocal, power with int and float exponents
import numpy as np
x = np.array([1.0, 2.0, 4.0, 0.5])
print(np.square(x), np.reciprocal(x), np.power(x, 2), np.power(x, -1), x ** 0.5, np.power(2, np.arange(4)))
i = np.arange(1, 5)
print(np.square(i), np.square(i).dtype, i ** 2, i ** 2.0, np.power(i, 3), np.reciprocal(i.astype(np.float32)))
print(np.power(np.float32(2), np.float32(10)), np.square(np.float32(1.5)), np.reciprocal(np.float32(3.0)))
print(np.power(-8.0, 1 / 3), np.sqrt(np.square(np.array([-3.0, 3.0]))))
try:
    np.arange(3) ** -1
except ValueError as e:
    print("ValueError:", e)
