# Local/global scope rules and UnboundLocalError
x = 10
def read_global():
    return x + 1
def assign_local():
    x = 5
    return x
print(read_global(), assign_local(), x)
def broken():
    print(x)
    x = 3
try:
    broken()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
def loop_var():
    for i in range(3):
        pass
    return i
print(loop_var())
def comp_scope():
    y = 2
    return [y * k for k in range(3)]
print(comp_scope())
def nested():
    a = 1
    def inner():
        return a + 1
    a = 5
    return inner()
print(nested())
