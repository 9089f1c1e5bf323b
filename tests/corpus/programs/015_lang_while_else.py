# while loops with else, break and continue
n = 27
steps = 0
while n != 1:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    steps += 1
print("collatz steps", steps)
i = 0
while i < 5:
    i += 1
    if i == 3:
        continue
    print("i", i)
else:
    print("while finished normally")
k = 10
while True:
    k -= 3
    if k < 0:
        break
print("k", k)
j = 0
while j < 100:
    if j * j > 50:
        break
    j += 1
else:
    print("not printed")
print("j", j)
