# expect: error NameError
# eval() is not available.
print("ESCAPED", eval("__import__('os').getcwd()"))
