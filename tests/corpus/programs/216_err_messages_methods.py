# CPython messages for wrong calls to builtin methods and functions (caught)
cases = [
    lambda: [].append(),
    lambda: [].append(1, 2),
    lambda: "abc".split(1),
    lambda: "abc".startswith(1),
    lambda: {}.get(),
    lambda: len(),
    lambda: len(1, 2),
    lambda: abs("x"),
    lambda: round("x"),
    lambda: sum(["a", "b"]),
    lambda: sum([1], "x"),
    lambda: min(1),
    lambda: sorted(5),
    lambda: int("5", 1),
    lambda: int(5, 10),
    lambda: "x".join("a", "b"),
    lambda: range(1.5),
    lambda: list.append(5, 1),
    lambda: [1, 2, 3].pop(10),
    lambda: "{0}".format(),
    lambda: "abc".center(),
    lambda: isinstance(1, 2),
    lambda: getattr(1),
    lambda: enumerate(),
    lambda: zip(1),
    lambda: "a".replace("a"),
    lambda: dict(1, 2),
    lambda: divmod(1),
    lambda: pow(2, 3, 0),
    lambda: hex(1.5),
]
for i, case in enumerate(cases):
    try:
        case()
        print(i, "no error")
    except Exception as e:
        print(i, type(e).__name__ + ":", e)
