# str case methods
s = "hello World from TRAINIUM"
print(s.upper(), "|", s.lower(), "|", s.title(), "|", s.capitalize(), "|", s.swapcase())
print("ß".upper(), "straße".upper(), "ǅ".lower())
print("abc".isupper(), "ABC".isupper(), "Abc".istitle(), "abc".islower(), "a1".islower())
print("hello"[0].upper() + "hello"[1:])
print("MiXeD".casefold(), "ÉCOLE".lower())
words = ["nki", "jit", "kernel"]
print([w.upper() for w in words], " ".join(w.capitalize() for w in words))
print("snake_case_name".title().replace("_", ""), "o'neil".title())
