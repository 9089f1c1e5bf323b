# Harness scripts that stop early with exit()/quit() (site builtins) after reporting, as CS149's test runner does
print("a")
try:
    exit(2)
except SystemExit as e:
    print("code", e.code)
try:
    quit()
except SystemExit as e:
    print("code", e.code)
ok = False
if not ok:
    print("Skipping performance test(s) due to failed correctness test(s)")
    exit()
print("unreached")
