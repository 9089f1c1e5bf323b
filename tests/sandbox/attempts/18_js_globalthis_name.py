# expect: error NameError
# globalThis / window / this / Function are not Python names.
print(globalThis)
print("ESCAPED", window, this, Function, Buffer)
