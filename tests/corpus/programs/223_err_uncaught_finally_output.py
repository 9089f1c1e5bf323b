# finally blocks run (and print) before an uncaught exception ends the program
def step(n):
    try:
        print("step", n)
        if n == 2:
            raise RuntimeError(f"failed at step {n}")
    finally:
        print("cleanup", n)
for n in range(4):
    step(n)
print("never printed")
