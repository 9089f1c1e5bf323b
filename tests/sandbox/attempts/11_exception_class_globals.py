# expect: error
# An exception instance's class __init__ globals.
try:
    [][1]
except IndexError as e:
    init = e.__class__.__init__
    print("ESCAPED", init.__globals__["__builtins__"])
