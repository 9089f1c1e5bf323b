# printf-style % formatting
print("%d items at %.2f each = %8.3f" % (3, 1.5, 4.5))
print("%s | %r | %a" % ("é", "é", "é"))
print("%5s|%-5s|%05d|%-5d|%+d|% d" % ("ab", "ab", 42, 42, 7, 7))
print("%x %X %#x %#o %o %e %E %g %G" % (255, 255, 255, 8, 8, 12345.678, 0.00012, 1e-5, 1e20))
print("%(name)s has %(count)03d tiles" % {"name": "core0", "count": 7})
print("%c%c%c" % (72, "i", 33))
print("%*d|%-*d|%.*f" % (5, 1, 4, 2, 3, 2.71828))
print("100%% done, %s" % "ok")
print("%s" % [1, 2], "%s" % ((1, 2),), "%d%%" % 50)
print("%.3s|%10.4f|%-10.2e|" % ("abcdef", 3.14159265, 123456.0))
print("%d %i %u" % (3.99, -2.5, True))
for bad in [("%d", "x"), ("%s %s", (1,)), ("%s", (1, 2)), ("%z", 1), ("%(k)s", 1)]:
    try:
        print(bad[0] % bad[1])
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
