# f-string edge cases: nested quotes, expressions with brackets, conditional expressions, specs from variables
items = {"a": [1, 2, 3], "b": []}
width = 10
name = "tile"
print(f"{items['a'][1:]!r:>{width}}|")
print(f"{'yes' if items['b'] else 'no':^{width}}|")
print(f"{len(items):{'0'}{width // 2}d}")
print(f"{name!r:*<12}|{name.upper()[::-1]}|{name:{'>'}{width}}|")
print(f"{3.14159:{'.'}{1 + 2}}", f"{2 ** 10:,}", f"{-1:{'+'}}")
print(f"{[x * 2 for x in range(3)]}", f"{ {'k': 1}['k'] }", f"{(lambda v: v + 1)(2)}")
print(f"{'nested {braces}'}", f"{{{name}}}", f"{{name}}")
value = 0.000123456
print(f"{value:.2e}|{value:.3g}|{value * 1e6:,.1f}|{value:10.4%}|")
print(f"{True!s:>6}|{None!r}|{1e300 * 10}|{-0.0:+}")
total = 0
for i in range(3):
    total += i
    print(f"{i=} {total=:03d} {i * 1.5=:.1f}")
