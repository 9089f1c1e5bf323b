# Nested try/except/finally interacting with loops, break, continue and return
def process(items):
    out = []
    for item in items:
        try:
            try:
                if item == "skip":
                    continue
                if item == "stop":
                    break
                out.append(10 // item)
            except ZeroDivisionError:
                out.append("div0")
                continue
            finally:
                out.append(f"f({item})")
        except TypeError as e:
            out.append("type error")
    else:
        out.append("completed")
    return out
print(process([1, 0, "skip", 5]))
print(process([2, "stop", 3]))
print(process([4, "x"]))
def early():
    for i in range(3):
        try:
            return i
        finally:
            print("finally sees", i)
print(early())
