# pass and del of names, items, attributes
def todo():
    pass
class Nothing:
    pass
print(todo(), Nothing.__name__)
x = 5
del x
try:
    print(x)
except NameError as e:
    print("NameError:", e)
lst = [1, 2, 3, 4]
del lst[0], lst[-1]
print(lst)
d = {"a": 1, "b": 2}
del d["a"]
print(d)
n = Nothing()
n.attr = 1
del n.attr
print(hasattr(n, "attr"))
for _ in range(2):
    pass
if True:
    pass
else:
    pass
print("end")
