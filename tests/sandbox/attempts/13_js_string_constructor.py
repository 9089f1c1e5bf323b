# expect: error
# A string's JS constructor and Function constructor.
s = "abc"
ctor = getattr(s, "constructor")
print("ESCAPED", ctor.constructor("return globalThis")())
