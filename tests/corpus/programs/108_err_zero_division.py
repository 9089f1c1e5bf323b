# Uncaught ZeroDivisionError for int and float division
def mean(xs):
    return sum(xs) / len(xs)
print(mean([1, 2, 3]))
try:
    1.0 / 0
except ZeroDivisionError as e:
    print("caught:", e)
try:
    5 % 0
except ZeroDivisionError as e:
    print("caught:", e)
print(mean([]))
