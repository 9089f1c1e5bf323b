# A list extended by itself (in place, through +=, extend and slice assignment) reads its elements
# as they were before the call: each doubles once.
x = [1, 2]
x += x
print(x)
y = [1]
y.extend(y)
print(y)
z = [1, 2, 3]
z[1:1] = z
print(z)
w = [[0]]
w += w
w[0].append(1)
print(w, w[0] is w[1])
t = ["a"]
for _ in range(3):
    t += t
print(len(t), t[:3])
