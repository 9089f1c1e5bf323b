# Augmented assignment on names, attributes, subscripts; list += mutates in place
x = 10
x += 5; x -= 3; x *= 2; x //= 5; x **= 3; x %= 7
print(x)
f = 1.5
f /= 4
print(f)
s = "ab"
s += "cd"
s *= 2
print(s)
lst = [1]
alias = lst
lst += [2, 3]
print(lst, alias, lst is alias)
t = (1,)
t2 = t
t += (2,)
print(t, t2)
d = {"n": 0}
for _ in range(5):
    d["n"] += 2
print(d)
class C:
    pass
c = C()
c.v = 1
c.v <<= 4
c.v |= 3
print(c.v)
grid = [[0] * 3 for _ in range(2)]
grid[1][2] += 9
print(grid)
