# math integer functions: factorial, gcd, lcm, comb, perm, prod, isqrt
import math
print(math.factorial(0), math.factorial(10), math.factorial(25))
print(math.gcd(12, 18), math.gcd(0, 5), math.gcd(-4, 6), math.gcd(2 ** 64, 2 ** 40 * 3))
print(math.lcm(4, 6), math.lcm(3, 5, 7))
print(math.comb(10, 3), math.comb(52, 5), math.perm(5, 2), math.perm(5))
print(math.prod([1, 2, 3, 4]), math.prod([]), math.prod(range(1, 6), start=2), math.prod([1.5, 2]))
print(math.isqrt(0), math.isqrt(99), math.isqrt(10 ** 20), math.isqrt(2 ** 127))
print(math.comb(100, 50))
def n_tiles(n, tile):
    return math.ceil(n / tile)
print([n_tiles(n, 128) for n in (1, 128, 129, 1000, 4096)])
for bad in [lambda: math.factorial(-1), lambda: math.sqrt(-1), lambda: math.log(0), lambda: math.comb(3, -1)]:
    try:
        bad()
    except ValueError as e:
        print("ValueError:", e)
