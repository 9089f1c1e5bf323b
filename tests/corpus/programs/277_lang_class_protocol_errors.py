# Protocol misuse in user classes and CPython's messages for it
class EqOnly:
    def __eq__(self, other):
        return True
class BadLen:
    def __len__(self):
        return -1
class BadBool:
    def __bool__(self):
        return 1
class BadIter:
    def __iter__(self):
        return [1, 2]
class BadInit:
    def __init__(self):
        return 5
class ReprOnly:
    def __repr__(self):
        return "ReprOnly!"
cases = [lambda: hash(EqOnly()), lambda: {EqOnly()}, lambda: len(BadLen()), lambda: bool(BadBool()),
         lambda: iter(BadIter()), lambda: list(BadIter()), lambda: BadInit(), lambda: ReprOnly.__repr__(),
         lambda: EqOnly() < EqOnly(), lambda: EqOnly() + 1, lambda: -ReprOnly(), lambda: ReprOnly()[0],
         lambda: ReprOnly()(), lambda: len(ReprOnly()), lambda: iter(ReprOnly())]
for i, case in enumerate(cases):
    try:
        print(i, case())
    except Exception as e:
        print(i, type(e).__name__ + ":", e)
print(str(ReprOnly()), f"{ReprOnly()}", [ReprOnly()], EqOnly() == 5, EqOnly() != 5)
