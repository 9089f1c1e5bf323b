# Integer arithmetic: exact, arbitrary size, floor division and modulo signs
a = 17
b = 5
print(a + b, a - b, a * b, a / b)
print(a // b, a % b, -a // b, -a % b, a // -b, a % -b)
print(divmod(a, b), divmod(-a, b))
print(2 ** 10, 2 ** -1, (-2) ** 3, -2 ** 2)
print(10 ** 30)
print(2 ** 100 - 1)
print((2 ** 64) // 3, (2 ** 64) % 1000)
print(-(10 ** 20) // 7, -(10 ** 20) % 7)
big = 1
for i in range(1, 31):
    big *= i
print("30! =", big)
print(big // 10 ** 20, big % 10 ** 20)
print(7 // 2 * 2 + 7 % 2 == 7)
print(0 ** 0, 1 // 1, abs(-12345678901234567890))
print(int("123456789012345678901234567890") + 1)
print(type(2 ** 70), type(7 / 7))
