# Alignment, fill characters, width and sign handling
for spec in ["<10", ">10", "^10", "=10", "*<10", "*>10", "*^10", "0=10", "010", "+010", " 10", "-^10"]:
    print(f"[{-3.5:{spec}}] [{42:{spec}}]")
for s in ["", "a", "abc", "abcdefghijk"]:
    print(f"[{s:<6}] [{s:>6}] [{s:^6}] [{s:.2}] [{s:_^7.3}]")
print(f"[{'x':0>3}] [{'é':^5}] [{True:>6}] [{None!s:>6}]")
print(f"[{1234567:>15,}] [{-1234567:015,}] [{1234.5:015,.2f}] [{0xABCDEF:_x}]")
rows = [("matmul", 1.23456, 98), ("softmax", 0.5, 7), ("layernorm", 12.0, 100)]
print(f"{'kernel':<12}{'ms':>8}{'util':>6}")
for k, ms, u in rows:
    print(f"{k:<12}{ms:>8.3f}{u:>5}%")
