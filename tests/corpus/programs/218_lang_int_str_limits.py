# Python 3.11 limits int<->str conversion to 4300 digits
big = 10 ** 4299
print(len(str(big)))
try:
    str(10 ** 4300)
except ValueError as e:
    print("ValueError:", e)
try:
    int("9" * 4301)
except ValueError as e:
    print("ValueError:", e)
print(len(hex(10 ** 5000)) > 4000, (10 ** 5000) % 997)
x = 2 ** 20000
print(x.bit_length(), x % 1000003, (x >> 19990))
print(len(repr(10 ** 4000)), f"{10 ** 300:.3e}")
