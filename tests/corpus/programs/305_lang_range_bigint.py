# Ranges with bounds beyond 2**53: exact ints for len, indexing, slicing, iteration, in, repr, equality
r = range(2 ** 53 - 2, 2 ** 53 + 3)
print(r, len(r), list(r), r[2], r[-1], 2 ** 53 + 1 in r, 2 ** 53 + 3 in r, float(2 ** 53) in r)
big = range(-10 ** 30, 10 ** 30, 7 ** 20)
print(big, len(big), big[0], big[-1], big[12345], big.start, big.stop, big.step, bool(big))
print(big[10:13], list(big[10:13]), big[::-1][:2], list(reversed(big[:3])), big[5:2])
print(big.index(big[99]), big.count(big[7]), big.count(1), -10 ** 30 + 7 ** 20 in big, 10 ** 30 in big)
huge = range(10 ** 40)
try:
    len(huge)
except OverflowError as e:
    print("OverflowError:", e)
print(huge[-1], huge[10 ** 39], 10 ** 39 in huge, huge[::10 ** 39], len(huge[::10 ** 39]), huge[-5:][1:3])
print(range(2 ** 64, 2 ** 64 + 10, 3) == range(2 ** 64, 2 ** 64 + 12, 3), range(2 ** 64, 2 ** 64) == range(0), range(10 ** 20, 0) == range(5, 1))
print(hash(range(2 ** 64, 2 ** 64 + 1)) == hash(range(2 ** 64, 2 ** 64 + 1, 5)), hash(range(0)) == hash(range(10 ** 20, 0)))
down = range(2 ** 70, 2 ** 70 - 10, -4)
print(down, list(down), len(down), down[-1], 2 ** 70 - 8 in down, 2 ** 70 - 7 in down, list(down[1:]))
print(sum(range(2 ** 60, 2 ** 60 + 4)), [x - 2 ** 60 for x in range(2 ** 60, 2 ** 60 + 9, 4)], max(range(2 ** 60, 2 ** 61, 2 ** 58)))
print(range(5)[10 ** 20:], range(10 ** 20)[3:5], range(0, 10 ** 20, 10 ** 18)[-2:])
for bad in [lambda: huge[10 ** 40], lambda: big[-len(big) - 1], lambda: range(1, 2 ** 80, 0), lambda: huge.index(-1), lambda: huge["x"]]:
    try:
        print(bad())
    except (IndexError, ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
