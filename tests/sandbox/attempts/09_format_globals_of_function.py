# expect: any
# Function globals through a format string.
def helper():
    pass
text = "{0.__globals__}".format(helper)
print("helper" in text)
print("ESCAPED" if "process" in text or "require" in text else "no host objects in globals")
