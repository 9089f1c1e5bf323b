# Parsing and building test-case names: split/map/join, partition, startswith tuples, format(**d)
configs = ["128x256x64", " 512x512x128 ", "64x64x64", "matmul_1024x1024x512_bf16"]
for raw in configs:
    text = raw.strip()
    name, sep, rest = text.partition("_")
    dims = (rest if sep else text).split("_")[0]
    m, k, n = map(int, dims.split("x"))
    dtype = text.rsplit("_", 1)[-1] if text.endswith(("bf16", "fp32")) else "fp32"
    print(f"{text!r:30} -> M={m} K={k} N={n} dtype={dtype} flops={2 * m * k * n:.2e}")
params = {"op": "conv2d", "C": 256, "H": 32, "W": 16, "K": 3}
print("{op}_C{C}_H{H}xW{W}_k{K}".format(**params), "%(op)s/%(K)d" % params)
print("_".join(f"{k}{v}" for k, v in params.items() if k != "op"))
line = "  engine=pe  busy=71.2%  stalls=12 "
fields = dict(part.split("=") for part in line.split())
print(fields, float(fields["busy"].rstrip("%")), int(fields["stalls"]) + 1)
label = "Tensor Engine (PE)"
print(label.lower().replace(" ", "_").replace("(", "").replace(")", ""), label.upper(), label.title())
print(label.find("("), label[label.index("(") + 1:-1], label.count("e"), label.swapcase()[:6])
print("tile".center(10, "."), "7".zfill(3), "abc".ljust(5, "-") + "|", "x".rjust(4), "a,b,,c".split(","))
print("  spaced  out ".split(), "line1\nline2\r\nline3".splitlines(), "k=v=w".split("=", 1))
print(",".join(map(str, [1, 2, 3])), " | ".join(["a", "b"]), "".join(reversed("kernel")))
print("psum" in "psum_buffer", "sbuf".startswith("sb"), "0x1F".lower(), int("1F", 16), int("0b101", 0))
print("nki".isidentifier(), "128".isdigit(), "12.5".replace(".", "", 1).isdigit(), "Abc".istitle(), " ".isspace())
print(str.maketrans({"a": "4"}) == {97: "4"}, "banana".translate({ord("a"): None}), "%5.1f|%-6s|%03d" % (2.25, "ok", 7))
