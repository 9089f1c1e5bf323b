# String literal forms and escapes
print('single', "double", '''triple single''', """triple double""")
print("tab\there", "newline\\n shown", 'it\'s', "say \"hi\"")
print(r"raw \n string", r'C:\path\to')
print("\x41\u00e9\N{BULLET}\U0001F600")
print("implicit" " concatenation" ' works')
print(len("\n"), len(r"\n"), len("\u00e9"))
print("a\
b")
s = "line1\nline2"
print(s)
print(repr(s), repr("tab\t"), repr("quote'"), repr('both\'"'))
print("\0" == chr(0), ord("\x7f"), "\101")
