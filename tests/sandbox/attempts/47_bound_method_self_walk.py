# expect: any
# Bound methods of builtins and their __self__/__func__.
m = [1, 2].append
print(m.__self__)
print(type(m).__name__)
p = print.__self__
print("ESCAPED" if "process" in repr(p) else "no host object behind print")
