# String concatenation, repetition, comparison, iteration, immutability
s = "Neuron"
print(s + "Core", s * 2, "-" * 10, 3 * "ab")
print(s[0], s[-1], len(s), s.lower() < s, "a" < "b" < "ba")
print(sorted("kernel"), list(reversed("abc")), "".join(reversed("abc")))
for i, ch in enumerate("xyz"):
    print(i, ch, ord(ch), chr(ord(ch) + 1))
try:
    s[0] = "n"
except TypeError as e:
    print("TypeError:", e)
print("abc" == "abc", "abc" is not None, "A" * 0 == "")
words = "the quick brown fox".split()
print(max(words, key=len), min(words), sorted(words, key=lambda w: w[-1]))
print(str(123) + "4", "1" + "2" * 3)
