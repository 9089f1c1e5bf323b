# with statement and context managers written as classes
class Tracker:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("enter", self.name)
        return self
    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None)
        return self.name == "swallow"
with Tracker("a") as t:
    print("inside", t.name)
with Tracker("swallow"):
    raise ValueError("hidden")
print("after swallow")
try:
    with Tracker("propagate"):
        raise KeyError("k")
except KeyError as e:
    print("propagated", e)
with Tracker("x") as x, Tracker("y") as y:
    print("two managers", x.name, y.name)
def f():
    with Tracker("ret"):
        return "returned"
print(f())
