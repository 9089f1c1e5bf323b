# Uncaught NameError after some output
def compute(n):
    total = 0
    for i in range(n):
        total += i
    return total
print(compute(10))
values = [1, 2, 3]
print(len(values))
result = compute(3) + undefined_variable
print("unreachable")
