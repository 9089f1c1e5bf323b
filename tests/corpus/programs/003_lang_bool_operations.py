# bool is an int subclass; truthiness of builtin values
print(True + True, True * 10, False - 1)
print(True == 1, False == 0, True is True)
print(not True, not 0, not [], not [0], not "", not " ")
values = [0, 1, -1, 0.0, 0.5, "", "a", [], [1], (), (0,), {}, {"k": 1}, None, set(), range(0)]
for v in values:
    print(repr(v), bool(v))
print(int(True), float(False), str(True))
print(sum([True, False, True, True]))
print(isinstance(True, int), type(True).__name__)
print(True & False, True | False, True ^ True)
