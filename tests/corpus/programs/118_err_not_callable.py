# Calling a non-callable and subscripting a non-subscriptable value
count = 5
items = [1, 2]
try:
    items()
except TypeError as e:
    print("caught:", e)
try:
    count[0]
except TypeError as e:
    print("caught:", e)
try:
    print.x = 1
except AttributeError as e:
    print("caught:", e)
len = 3
print(len(items))
