# A SyntaxError: the program never starts running
def ok():
    return 1

print("this never prints")

def broken(:
    pass

print(ok())
x = 1
