# raise, raise ... from, exception attributes and re-raising
class ConfigError(Exception):
    pass
def load(key):
    try:
        return {"a": 1}[key]
    except KeyError as e:
        raise ConfigError(f"missing key {key!r}") from e
try:
    load("b")
except ConfigError as e:
    print(type(e).__name__, e, type(e.__cause__).__name__, e.__cause__)
def again():
    try:
        1 / 0
    except ZeroDivisionError:
        raise
try:
    again()
except ZeroDivisionError as e:
    print("re-raised:", e)
try:
    raise ValueError("a", 2)
except ValueError as e:
    print(e.args, str(e))
try:
    raise KeyError("k")
except LookupError as e:
    print(repr(e), isinstance(e, KeyError))
err = RuntimeError("stored")
print(repr(err), str(err))
