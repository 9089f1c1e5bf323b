# expect: error NameError
# compile() and __import__ are not available.
code = compile("1 + 1", "<x>", "eval")
print("ESCAPED", code)
