# Character-level processing without bytes: counting, caesar, palindromes, vowels
text = "A man, a plan, a canal: Panama"
clean = "".join(c.lower() for c in text if c.isalnum())
print(clean, clean == clean[::-1])
vowels = sum(1 for c in text.lower() if c in "aeiou")
print("vowels", vowels)
freq = {}
for c in clean:
    freq[c] = freq.get(c, 0) + 1
print(sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:3])
def rot13(s):
    out = []
    for c in s:
        if "a" <= c <= "z":
            out.append(chr((ord(c) - 97 + 13) % 26 + 97))
        elif "A" <= c <= "Z":
            out.append(chr((ord(c) - 65 + 13) % 26 + 65))
        else:
            out.append(c)
    return "".join(out)
print(rot13("Hello, World!"), rot13(rot13("Hello")))
words = text.replace(",", "").replace(":", "").split()
print(len(words), max(words, key=len), [w for w in words if w.istitle()])
