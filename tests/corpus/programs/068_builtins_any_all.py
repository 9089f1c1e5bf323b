# any and all over various iterables
print(any([]), all([]), any([0, 0, 1]), all([1, 2, 0]))
print(any("") , all(""), any(" "), all([[], [1]]))
print(all(x > 0 for x in [1, 2, 3]), any(x > 2 for x in [1, 2]))
checked = []
def check(x):
    checked.append(x)
    return x > 1
print(any(check(x) for x in [0, 1, 2, 3, 4]), checked)
checked.clear()
print(all(check(x) for x in [5, 4, 1, 9]), checked)
grid = [[1, 1], [1, 0]]
print(all(all(row) for row in grid), any(any(row) for row in grid))
print(any({0: "a"}), all({1: 0}))
