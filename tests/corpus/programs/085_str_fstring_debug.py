# f-string = specifier, nested expressions and method calls
x = 3
name = "tile"
items = [1, 2, 3]
print(f"{x=}")
print(f"{x = }")
print(f"{x*2=}")
print(f"{name=!r} {name=!s}")
print(f"{x=:>5}")
print(f"{items[1:]=}")
print(f"{len(items)=} {sum(items) / len(items)=:.2f}")
print(f"{name.upper()=}")
print(f"{'ab' * 2=}")
d = {"k": 1.5}
print(f"{d['k']=:.3f}")
