# expect: error
# A function's __globals__ leads to __builtins__ and open().
def f():
    return 1
g = f.__globals__
b = g["__builtins__"]
opener = b["open"] if isinstance(b, dict) else b.open
print("ESCAPED", opener("/etc/passwd").read())
