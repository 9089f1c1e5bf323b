# for loops with break, continue and else
for n in range(2, 20):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        print(n, "is prime")
total = 0
for i in range(10):
    if i % 2:
        continue
    total += i
print("even sum", total)
for ch in "hello":
    if ch == "z":
        break
else:
    print("no z found")
for i in []:
    print("never")
else:
    print("empty loop runs else")
for i in range(3):
    for j in range(3):
        if j == i:
            break
        print(i, j)
