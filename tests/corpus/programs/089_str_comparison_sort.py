# String comparison and sorting by code point
words = ["banana", "Apple", "cherry", "apple", "Banana", "_under", "123", "éclair"]
print(sorted(words))
print(sorted(words, key=str.lower))
print(sorted(words, key=lambda w: (len(w), w)))
print("a" < "B", "Z" < "a", "abc" < "abd", "abc" < "ab", "" < "a")
print(min(words), max(words), "apple" == "apple", "a" != "A")
print(sorted(["item10", "item2", "item1"]), sorted(["b", "a"], reverse=True))
print([ord(c) for c in "aAzZ09"])
names = ["dee", "Cy", "bob", "Ann"]
names.sort()
print(names)
names.sort(key=lambda s: s.lower(), reverse=True)
print(names)
