# Uncaught RecursionError from unbounded recursion
def countdown(n):
    if n == 0:
        return "done"
    return countdown(n - 1)
print(countdown(500))
def forever(n):
    return forever(n + 1) + 1
try:
    forever(0)
except RecursionError as e:
    print("caught:", e)
print(forever(0))
