# sys.stdout.write / sys.stderr.write and print(file=...)
import sys
sys.stdout.write("hello ")
sys.stdout.write("world\n")
n = sys.stdout.write("abc\n")
print("wrote", n)
print("to stdout", file=sys.stdout)
print("to stderr", file=sys.stderr)
sys.stderr.write("stderr write\n")
print("err", "with", "sep", sep="-", file=sys.stderr)
sys.stdout.flush()
print("done", end="!\n", flush=True)
out = sys.stdout
out.write("alias works\n")
