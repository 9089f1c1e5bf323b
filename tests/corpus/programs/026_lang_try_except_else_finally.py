# try / except / else / finally ordering
def run(divisor):
    out = []
    try:
        out.append("try")
        value = 10 / divisor
    except ZeroDivisionError as e:
        out.append("except " + str(e))
    else:
        out.append(f"else {value}")
    finally:
        out.append("finally")
    return out
print(run(2))
print(run(0))
def parse(s):
    try:
        return int(s)
    except (ValueError, TypeError) as err:
        return f"bad: {type(err).__name__}"
print(parse("12"), parse("x"), parse(None))
try:
    try:
        [].pop()
    except KeyError:
        print("not this one")
    finally:
        print("inner finally")
except IndexError as e:
    print("outer caught", e)
try:
    raise ValueError("boom")
except Exception:
    print("caught generic")
