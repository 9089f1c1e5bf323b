# format() builtin with specs on int, float, str, bool
print(format(42), format(42, "5"), format(42, "<5") + "|", format(42, "^6") + "|")
print(format(3.14159, ".2f"), format(3.14159, "10.4f"), format(0.000123, "e"), format(1234.5, ",.1f"))
print(format(255, "x"), format(255, "#X"), format(5, "08b"), format(1_000_000, "_"))
print(format("hi", ">6"), format("hi", "*^7"), format("truncate", ".3"))
print(format(True), format(True, "d"), format(False, ">5"))
print(format(0.5, "%"), format(1 / 3, ".3%"), format(-1.5, "+.1f"), format(1.5, " .1f"))
print(format(1e20, "g"), format(1e-20, "G"), format(123456789, "n"), format(2 ** 70, ","))
print(format(-0.0, "z.2f"), format(float("nan"), "^7"), format(float("-inf"), "010"))
for bad in [(1.5, "d"), ("s", "d"), (3, ".2"), (3, ",x"), ("s", "=5")]:
    try:
        format(*bad)
    except ValueError as e:
        print("ValueError:", e)
