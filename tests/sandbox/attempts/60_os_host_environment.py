# expect: error AttributeError
# The server's own environment never reaches os.environ, and os offers no way to run a command.
import os
assert len(os.environ) == 0 and os.getenv("PATH") is None and os.getenv("HOME") is None, "host environment leaked"
import os.path
assert not hasattr(os.path, "exists") and not hasattr(os, "popen"), "filesystem helpers present"
print("ESCAPED", os.system("id"))
