# Dict and set comprehensions
squares = {n: n * n for n in range(6)}
print(squares)
inverted = {v: k for k, v in squares.items() if v % 2 == 0}
print(inverted)
print({c for c in "mississippi"} == set("misp"), sorted({c for c in "mississippi"}))
words = ["apple", "avocado", "banana", "blueberry", "cherry"]
by_letter = {}
for w in words:
    by_letter.setdefault(w[0], []).append(w)
print(by_letter)
lengths = {w: len(w) for w in words if len(w) > 5}
print(lengths)
print({(i, j): i * j for i in range(2) for j in range(2)})
print(sorted({x % 4 for x in range(20)}))
print({k: [i for i in range(k)] for k in range(3)})
