# Capturing output like the CS149 harness: io.StringIO, print(file=), redirect_stdout, sys.stdout swaps, contextmanager
import io
import sys
from contextlib import contextmanager, redirect_stdout, suppress, nullcontext
import time
buf = io.StringIO()
print("captured line", 42, file=buf)
buf.write("second\n")
print(repr(buf.getvalue()), buf.tell(), buf.closed)
buf.seek(0)
print(buf.readline(), end=""); print(buf.read(), end="")
print([line.rstrip() for line in io.StringIO("a\nb\nc")], io.StringIO("x\ny\n").readlines())
with redirect_stdout(io.StringIO()) as out:
    print("hidden from stdout")
    print("value:", 7)
captured = out.getvalue()
print("captured:", captured.splitlines())
@contextmanager
def timed(label, log):
    start = time.perf_counter()
    log.append(f"enter {label}")
    try:
        yield label.upper()
    finally:
        log.append(f"exit {label} ok={time.perf_counter() >= start}")
log = []
with timed("matmul", log) as name:
    print("inside", name)
try:
    with timed("bad", log):
        raise ValueError("kernel failed")
except ValueError as e:
    print("propagated:", e)
print(log)
@contextmanager
def swallow():
    try:
        yield
    except KeyError as e:
        print("swallowed", repr(e))
with swallow():
    {}["missing"]
print("after swallow")
with suppress(ZeroDivisionError, KeyError):
    1 / 0
print("suppressed")
with nullcontext(5) as five:
    print(five)
old = sys.stdout
sys.stdout = io.StringIO()
print("to the swapped stream")
swapped = sys.stdout.getvalue()
sys.stdout = old
print("back:", repr(swapped))
closed = io.StringIO("z")
closed.close()
try:
    closed.read()
except ValueError as e:
    print("ValueError:", e)
