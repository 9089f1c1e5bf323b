# count, replace chains, translate-free substitution, join of numbers, multiline building
lines = []
for i in range(3):
    lines.append(f"row {i}: " + ", ".join(f"{j * i:2d}" for j in range(4)))
print("\n".join(lines))
template = "Kernel <name> uses <n> tiles"
print(template.replace("<name>", "matmul").replace("<n>", str(8)))
s = "a-b_c d"
for ch in "-_ ":
    s = s.replace(ch, ".")
print(s, s.split("."), s.count("."))
print("abc" * 3, "=" * 20)
path = "/home/user/kernels/matmul.py"
print(path.rsplit("/", 1)[-1], path.split("/")[1:3], path.endswith(".py"))
print("{:.3}".format("truncated"), "Title Case".swapcase())
print(" ".join(["%02d" % i for i in range(5)]))
print(str(3.0), str(10 ** 16), "%s" % 0.1, "{}".format(1e-5))
