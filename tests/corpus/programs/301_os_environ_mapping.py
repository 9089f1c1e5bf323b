# os.environ as a mapping of str to str, and os.getenv (no filesystem behind either).
import os

os.environ.clear()
print(os.environ, len(os.environ))
os.environ["NEURON_PLATFORM_TARGET_OVERRIDE"] = "trn2"
os.environ["HOME_DIR"] = "/home/student"
print(repr(os.environ))
print(os.environ["HOME_DIR"], "HOME_DIR" in os.environ, "MISSING" in os.environ)
print(os.getenv("HOME_DIR"), os.getenv("MISSING"), os.getenv("MISSING", "fallback"))
print(os.environ.get("MISSING"), os.environ.get("MISSING", 3), os.environ.get("HOME_DIR"))
print(list(os.environ), sorted(os.environ.keys()))
print(list(os.environ.values()), list(os.environ.items()))
for key in os.environ:
    print("key", key, os.environ[key])
print(os.environ.setdefault("A", "1"), os.environ.setdefault("A", "2"))
print(os.environ.pop("A"), os.environ.pop("A", "gone"))
os.environ.update({"X": "10"}, Y="20")
os.environ.update([("Z", "30")])
print(dict(os.environ))
c = os.environ.copy()
print(type(c).__name__, c == dict(os.environ))
del os.environ["X"]
print("X" in os.environ, len(os.environ))
n = int(os.environ.get("Y", "0")) + 1
print(n)
print(type(os.environ).__name__, isinstance(os.environ, dict))


def attempt(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


attempt(lambda: os.environ["NOPE"])
attempt(lambda: os.environ.__setitem__("K", 1))
attempt(lambda: os.environ.__setitem__(2, "v"))
attempt(lambda: os.environ.pop("NOPE"))
attempt(lambda: os.getenv(5))
attempt(lambda: os.environ.__delitem__("NOPE"))
attempt(lambda: 5 in os.environ)
attempt(lambda: os.environ.update({"Q": 1}))
os.environ.clear()
print(os.environ, bool(os.environ))
print(os.name, os.sep, repr(os.linesep), os.curdir, os.pardir, os.extsep, os.pathsep)
