# expect: error
# prototype on builtins and classes
class K:
    pass
for obj in (K, len, int, print):
    print(hasattr(obj, "prototype"))
print("ESCAPED", K.prototype)
