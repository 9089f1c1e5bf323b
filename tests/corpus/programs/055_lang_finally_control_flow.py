# finally runs on return, break and continue
def f():
    try:
        return "try"
    finally:
        print("finally in f")
print(f())
def g():
    try:
        return 1
    finally:
        return 2
print(g())
for i in range(3):
    try:
        if i == 1:
            continue
        if i == 2:
            break
        print("body", i)
    finally:
        print("finally", i)
def h():
    result = []
    for i in range(2):
        try:
            result.append(i)
        finally:
            result.append("f")
    return result
print(h())
