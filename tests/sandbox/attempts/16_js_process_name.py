# expect: error NameError
# The host's process object is not a Python name.
print("ESCAPED", process.env)
