# Mutating containers while iterating: CPython's defined list behaviour and RuntimeErrors for dict/set
nums = [1, 2, 3, 4, 5, 6]
for n in nums:
    if n % 2 == 0:
        nums.remove(n)
print(nums)
grow = [1]
for v in grow:
    if v < 5:
        grow.append(v + 1)
print(grow)
d = {"a": 1, "b": 2}
try:
    for k in d:
        d[k + "x"] = 0
except RuntimeError as e:
    print("RuntimeError:", e)
s = {1, 2, 3}
try:
    for v in s:
        s.add(v * 10)
except RuntimeError as e:
    print("RuntimeError:", e)
d2 = {"a": 1, "b": 2}
for k in d2:
    d2[k] = d2[k] * 10
print(d2)
for k in list(d2):
    del d2[k]
print(d2)
