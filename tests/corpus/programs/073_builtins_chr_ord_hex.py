# chr, ord, hex, oct, bin
print(ord("A"), ord("a"), ord("0"), ord("é"), ord("€"), ord("\U0001F600"))
print(chr(65), chr(97), chr(233), chr(8364), chr(128512))
print("".join(chr(ord("a") + i) for i in range(5)))
print(hex(0), hex(255), hex(-255), hex(2 ** 64), oct(64), oct(-8), bin(10), bin(-10), bin(0))
print(int(hex(1234), 16), int(bin(77), 2), int(oct(99), 8), int("0o17", 0), int("0b11", 0))
shift = 3
msg = "hello"
enc = "".join(chr((ord(c) - 97 + shift) % 26 + 97) for c in msg)
print(enc)
try:
    chr(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    ord("ab")
except TypeError as e:
    print("TypeError:", e)
