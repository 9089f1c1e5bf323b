# repr of strings with quotes, escapes and unicode
strings = ["plain", "it's", 'say "hi"', "both ' \"", "back\\slash", "tab\t", "nl\n", "cr\r",
           "\x00\x07\x1b", "\x7f", "é", "日本", "\u200b", "\U0001F600", "\xa0", "\u2028", "x"]
for s in strings:
    print(repr(s), len(s))
print(repr(strings[:3]))
print(ascii("日本é"), ascii(["é"]))
print(str("é"), "%r" % "é\t")
print(repr("\\n is two characters"), repr("'"), repr('"'), repr("'\""))
print(repr("multi\nline\ttext"))
