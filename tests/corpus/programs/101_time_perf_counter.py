# time.perf_counter is monotonic; durations are non-negative floats
import time
t0 = time.perf_counter()
total = 0
for i in range(10000):
    total += i * i
t1 = time.perf_counter()
elapsed = t1 - t0
print(total)
print(type(t0).__name__, elapsed >= 0, t1 >= t0)
print(f"elapsed is {'a float' if isinstance(elapsed, float) else 'not a float'}")
start = time.perf_counter()
marks = [time.perf_counter() for _ in range(5)]
print(all(b >= a for a, b in zip(marks, marks[1:])), marks[0] >= start)
print(f"{elapsed * 1000 >= 0.0}")
