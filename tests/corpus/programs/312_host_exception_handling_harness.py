# Error handling in harnesses: tuples of exception types, from-chaining, re-raise and custom errors
class KernelMismatch(Exception):
    def __init__(self, name, max_diff):
        super().__init__(f"{name}: max diff {max_diff:.3e}")
        self.name = name
        self.max_diff = max_diff

def to_float(v):
    try:
        return float(v)
    except (TypeError, ValueError):
        return None

print(to_float("1e3"), to_float(None), to_float("abc"), to_float([1]), to_float(" 2.5 "))

def check(name, diff):
    if diff > 1e-3:
        raise KernelMismatch(name, diff)
    return "ok"

for name, diff in [("add", 0.0), ("matmul", 0.25)]:
    try:
        status = check(name, diff)
    except KernelMismatch as e:
        print("FAIL", e, e.name, e.args)
    else:
        print("PASS", status)
    finally:
        print("checked", name)

def load_config(text):
    try:
        return int(text)
    except ValueError as e:
        raise RuntimeError("bad config value") from e

try:
    load_config("12x")
except RuntimeError as e:
    print(type(e).__name__, e, "|", type(e.__cause__).__name__, e.__cause__)
try:
    try:
        {}["tile"]
    except KeyError:
        raise
except LookupError as e:
    print("caught", repr(e), isinstance(e, KeyError))
errors = []
for value in ["3", "x", "4.5", None]:
    try:
        errors.append(int(value))
    except Exception as e:
        errors.append(f"{type(e).__name__}: {e}")
print(errors)
