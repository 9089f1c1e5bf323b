# Bitwise operators on ints, including negatives and big ints
a, b = 0b1100, 0b1010
print(a & b, a | b, a ^ b, ~a, a << 3, a >> 2)
print(-1 >> 10, -16 >> 2, -5 & 0xFF, -5 | 3, ~-1)
print(1 << 100, (1 << 100) >> 99, (1 << 70) | 1)
print(bin(a & b), hex(255 ^ 15), oct(8 | 1))
mask = 0
for bit in [0, 3, 5, 64]:
    mask |= 1 << bit
print(mask, bin(mask))
print(mask.bit_length(), (255).bit_length(), (0).bit_length())
x = 0xDEADBEEF
print(x & 0xFFFF, (x >> 16) & 0xFFFF, hex(x ^ 0xFFFFFFFF))
y = 7
y <<= 4
y ^= 1
y &= 0x7F
print(y)
