# Stress: pseudo-random big ints through str, hex/bin, grouping, %-formatting and arithmetic
import random
random.seed(99)
total = 0
for i in range(60):
    n = random.getrandbits(random.randint(1, 200)) * random.choice([1, -1])
    total += n
    print(n, f"{n:,}", f"{n:_x}", f"{n:#o}"[:20], "%x" % n, f"{n:>45}"[-8:], f"{n:e}", bin(n)[:12], n % 97, n // 13)
print(total, total.bit_length(), hex(total), f"{total:_}")
values = [random.randrange(10 ** 30) for _ in range(5)]
print(sorted(values), sum(values), max(values) - min(values), values[0] * values[1])
print(divmod(values[2], values[3] or 1), pow(values[4], 3, 10 ** 9 + 7), values[0] ** 3 % 10 ** 20)
