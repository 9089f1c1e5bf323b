# expect: any
# __closure__, __defaults__, __kwdefaults__ hold Python values only.
def outer():
    secret = [1, 2]
    def inner(a=3, *, b=4):
        return secret, a, b
    return inner
f = outer()
print(f())
print(f.__defaults__, f.__kwdefaults__)
cells = f.__closure__
print(cells[0].cell_contents)
