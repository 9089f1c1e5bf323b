# expect: error NameError
# open() is not available.
with open("/etc/passwd") as fh:
    print("ESCAPED", fh.read())
