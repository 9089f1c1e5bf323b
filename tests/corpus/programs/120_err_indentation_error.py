# An IndentationError (a SyntaxError subclass)
def f():
    x = 1
    if x:
        print("fine")
      print("unindent does not match")
    return x

print(f())
value = 2
extra = 3
