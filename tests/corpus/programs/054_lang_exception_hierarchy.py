# Catching by base class, tuples of classes, bare except, exception attributes
errors = [ZeroDivisionError, KeyError, IndexError, ValueError, TypeError, AttributeError, NameError]
for cls in errors:
    print(cls.__name__, [b.__name__ for b in cls.__mro__[1:]])
def risky(kind):
    if kind == 0:
        return 1 / 0
    if kind == 1:
        return {}["missing"]
    if kind == 2:
        return [][3]
    return int("x")
for k in range(4):
    try:
        risky(k)
    except (KeyError, IndexError) as e:
        print(k, "lookup", type(e).__name__, e)
    except ArithmeticError as e:
        print(k, "arith", e)
    except:
        print(k, "bare except")
class AppError(Exception):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code
try:
    raise AppError(404, "not found")
except Exception as e:
    print(e.code, e, e.args, isinstance(e, AppError))
