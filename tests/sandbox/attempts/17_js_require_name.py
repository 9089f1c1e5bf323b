# expect: error NameError
# require() is not a Python name.
fs = require("fs")
print("ESCAPED", fs.readFileSync("/etc/passwd"))
