# expect: any
# globals()/vars()/locals() must not expose host objects.
x = 1
g = globals()
print("x" in g, g["x"])
print(sorted(k for k in g if not k.startswith("_"))[:5])
b = g.get("__builtins__")
print("ESCAPED" if b is not None and hasattr(b, "open") else "no open in builtins")
