# degrees/radians multiply by one constant as CPython does; atan2 of extreme ratios rounds pi/2 and
# pi the way glibc does.
import math

angles = [1.0, 30.0, 45.0, 57.29577951308232, 90.0, 123.456, -271.5, 1e-5, 3.3e200]
print([repr(math.radians(a)) for a in angles])
print([repr(math.degrees(math.radians(a))) for a in angles])
print([repr(math.degrees(r)) for r in (0.5, 1.0, math.pi / 3, 2.2, -7.75, 1e-300)])
for y, x in [(1e300, 1.0), (-1e300, 3.0), (1e300, -2.0), (-1e300, -0.5), (1e-320, 2.0), (1e-320, -2.0), (-1e-310, -1.0), (5e17, 0.1)]:
    print(repr(math.atan2(y, x)))


def bearing(dx, dy):
    return (math.degrees(math.atan2(dx, dy)) + 360.0) % 360.0


print([round(bearing(dx, dy), 9) for dx, dy in [(1, 1), (-1, 2), (0.3, -4), (-5, -5), (1e-9, 1)]])
