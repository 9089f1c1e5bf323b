# Chained comparisons evaluate each operand once
calls = []
def f(x):
    calls.append(x)
    return x
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1, 1 == 1 == 1)
print(f(1) < f(2) < f(3), calls)
calls.clear()
print(f(3) < f(2) < f(1), calls)
x = 5
print(0 <= x < 10, 0 <= x <= 4, x != 5 != 6)
print(1 < 2 > 1.5, "a" < "b" < "c", [1, 2] < [1, 3])
print((1, 2, 3) < (1, 2, 4), (1, 2) < (1, 2, 0), "abc" < "abd")
print(1 == 1.0, 1 is not None, None is None)
print(2 in [1, 2, 3] in [[1, 2, 3]])
