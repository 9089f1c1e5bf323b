# expect: error
# __builtins__ as a name, then its import machinery.
b = __builtins__
imp = b.__import__ if hasattr(b, "__import__") else b["__import__"]
print("ESCAPED", imp("os").getcwd())
