# Building strings in loops, enumerate over characters, reversed words
sentence = "tiles move from hbm to sbuf"
rev_words = " ".join(reversed(sentence.split()))
print(rev_words)
print(" ".join(w[::-1] for w in sentence.split()))
acc = ""
for i, ch in enumerate(sentence):
    if i % 5 == 0:
        acc += ch.upper()
print(acc)
parts = []
for w in sentence.split():
    parts.append(w[0].upper() + w[1:])
print("".join(parts))
counts = [(c, sentence.count(c)) for c in sorted(set(sentence)) if c != " "]
print(counts[:6])
print(sentence.title(), len(sentence), sentence.index("hbm"))
bar = ""
for v in [3, 7, 1]:
    bar += "#" * v + "|"
print(bar)
