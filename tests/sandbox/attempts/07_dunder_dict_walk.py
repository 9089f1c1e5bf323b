# expect: any
# __dict__ of classes and instances must hold only Python values.
class C:
    def m(self):
        return 1
c = C()
c.x = 5
print(sorted(k for k in c.__dict__))
ns = C.__dict__
print(sorted(k for k in ns if not k.startswith("__")))
print("ESCAPED", ns["m"].__globals__["__builtins__"]["eval"]("1+1"))
