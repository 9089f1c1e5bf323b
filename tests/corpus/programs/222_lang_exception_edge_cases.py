# raise a class, empty messages, exception equality, args, str/repr of various exceptions
for exc in [ValueError, ValueError(), ValueError("x"), KeyError("k"), KeyError(1, 2), IndexError(), LookupError("l")]:
    try:
        raise exc
    except Exception as e:
        print(type(e).__name__, repr(str(e)), repr(e), e.args)
try:
    raise StopIteration(5)
except StopIteration as e:
    print(e.value, e.args)
try:
    raise Exception("a", 1, None)
except Exception as e:
    print(str(e), len(e.args))
e1 = ValueError("same")
print(e1 == ValueError("same"), e1 == e1, isinstance(e1, Exception), issubclass(KeyError, LookupError))
try:
    raise TypeError("outer") from None
except TypeError as e:
    print(e.__cause__, e.__suppress_context__)
