# Unpacking errors: too many / not enough values
def split_pair(s):
    a, b = s.split("=")
    return a, b
print(split_pair("k=v"))
try:
    x, y = [1, 2, 3]
except ValueError as e:
    print("caught:", e)
try:
    x, y, z = (1,)
except ValueError as e:
    print("caught:", e)
try:
    a, *b, c = [1]
except ValueError as e:
    print("caught:", e)
print(split_pair("a=b=c"))
