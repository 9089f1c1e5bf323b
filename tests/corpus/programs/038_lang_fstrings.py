# f-strings: expressions, conversions, format specs, nested quotes
name = "trn1"
cores = 2
tflops = 95.0
print(f"{name} has {cores} cores and {tflops} TFLOPs")
print(f"{name!r} {name!s} {'quoted'} {cores * 64}")
print(f"{tflops:.1f} {tflops:10.3f}|{cores:>5}|{cores:<5}|{cores:^5}|")
print(f"{3.14159:.3}")
print(f"{1234567:,} {1234567:_} {255:#x} {255:08b} {0.25:.1%}")
width, prec = 12, 4
print(f"[{2 / 3:{width}.{prec}f}]")
d = {"key": "value"}
print(f"{d['key']} {len(d)} {[1, 2][0]}")
print(f"{'nested ' + f'{cores}'}")
print(f"{{literal braces}} {cores}")
x = 7
print(f"{x=} {x * 2 = } {name=!s}")
print(f"{-0.0:z.1f} {1e-7} {1e20} {float('inf')}")
print(f"""multi
line {x}""")
