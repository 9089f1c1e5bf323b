# expect: error ModuleNotFoundError
# import x.y and from x import y forms for host modules (os.path is a pure string module; its
# siblings are not).
from os.path import join
assert join("a", "b") == "a/b"
from subprocess import run
print("ESCAPED", run(["id"]))
