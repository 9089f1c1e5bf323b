# Tiling arithmetic: ceil division, divmod, remainder tiles, slice objects and asserted divisibility
import math

PMAX = 128
FMAX = 512

def num_tiles(n, tile):
    return (n + tile - 1) // tile

for n in (1, 127, 128, 129, 1000, 4096):
    full, rem = divmod(n, PMAX)
    print(n, num_tiles(n, PMAX), math.ceil(n / PMAX), full, rem, -(-n // PMAX))

def tile_slices(n, tile):
    return [slice(i, min(i + tile, n)) for i in range(0, n, tile)]

sl = tile_slices(300, PMAX)
print(sl, [s.stop - s.start for s in sl], sl[-1].indices(300))
data = list(range(10))
print(data[slice(2, 8, 3)], data[slice(None, None, -4)], slice(1, 5) == slice(1, 5))
M, K, N = 512, 384, 1024
tiles = [(m, k, n) for m in range(0, M, PMAX) for k in range(0, K, PMAX) for n in range(0, N, FMAX)]
print(len(tiles), tiles[:3], tiles[-1])
def check_shape(K, N):
    assert K % PMAX == 0, f"K={K} must be a multiple of {PMAX}"
    assert N <= FMAX or N % FMAX == 0, f"N={N} must fit or divide {FMAX}"
    return K // PMAX, max(1, N // FMAX)
print(check_shape(K, N), check_shape(256, 300))
for bad in [(200, 512), (256, 700)]:
    try:
        check_shape(*bad)
    except AssertionError as e:
        print("AssertionError:", e)
print(2 ** 10, 1 << 7, 4096 >> 3, 7 & 3, 5 | 2, 6 ^ 3, ~7, int(math.log2(4096)), (4096).bit_length())
print(math.prod([2, 64, 128]), math.gcd(384, 512), math.lcm(6, 8), math.isqrt(1000), 10 ** -2)
