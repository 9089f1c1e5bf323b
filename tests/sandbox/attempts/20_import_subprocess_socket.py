# expect: error ModuleNotFoundError
# Neither process nor network modules exist.
for name in ["subprocess", "socket", "ctypes", "importlib", "builtins", "pathlib", "shutil"]:
    try:
        __import__(name)
        print("ESCAPED", name)
    except NameError:
        print("no __import__")
        break
import socket
