# CPython's messages for common runtime errors, caught and printed
cases = [
    lambda: 1 + "a",
    lambda: "a" + 1,
    lambda: [1] + (2,),
    lambda: len(5),
    lambda: None(),
    lambda: 5[0],
    lambda: {}[[1]],
    lambda: int("x1"),
    lambda: [1, 2].index(3),
    lambda: (1, 2).index(3),
    lambda: "abc".index("z"),
    lambda: {1: 2}[3],
    lambda: [][0],
    lambda: ""[1],
    lambda: 1 / 0,
    lambda: 1 // 0,
    lambda: 1.5 % 0,
    lambda: undefined_name,
    lambda: (1).real.nope,
    lambda: [].pop(),
    lambda: {}.popitem(),
    lambda: set().pop(),
    lambda: int(None),
    lambda: float([]),
    lambda: "a" * "b",
    lambda: -"a",
    lambda: 3 < "a",
    lambda: sorted([1, "a"]),
    lambda: max(),
    lambda: divmod(1, 0),
    lambda: chr(1 << 30),
    lambda: list(5),
    lambda: dict([1]),
    lambda: "{:d}".format("x"),
    lambda: [1, 2, 3][1:2:0],
    lambda: 2 ** -1 % 0,
    lambda: range(0, 10, 0),
    lambda: tuple()[0],
    lambda: "x".join([1]),
    lambda: iter(5),
]
for i, case in enumerate(cases):
    try:
        case()
        print(i, "no error")
    except Exception as e:
        print(i, type(e).__name__ + ":", e)
