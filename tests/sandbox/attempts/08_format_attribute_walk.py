# expect: any
# str.format can read attributes: it must go through Python attribute lookup only.
print("{0.__class__}".format(()))
print("{0.__class__.__bases__}".format(()))
leak = "{0.__class__.__bases__[0].__subclasses__}".format(())
print(leak[:40])
print("ESCAPED", "{0.__globals__[__builtins__]}".format(print))
