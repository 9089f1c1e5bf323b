"""numpy elementwise ops and reductions timed from Python: run by from-python.bench.ts under python3
and under `kernel-lab run`, so both sides pay their own call overhead. Prints label, best and median ms."""
import time

import numpy as np

rng = np.random.default_rng(0)
a = rng.random(1_000_000, dtype=np.float32)
b = rng.random(1_000_000, dtype=np.float32)
c = a.copy()
a2 = a.reshape(1000, 1000)


def softmax_rows():
    e = np.exp(a2 - a2.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def inplace():
    global c
    c += b


CASES = [
    ("a + b", lambda: a + b),
    ("a * b", lambda: a * b),
    ("a * 2.0", lambda: a * 2.0),
    ("a / b", lambda: a / b),
    ("np.maximum(a, 0)", lambda: np.maximum(a, 0)),
    ("a > b", lambda: a > b),
    ("np.exp(a)", lambda: np.exp(a)),
    ("np.tanh(a)", lambda: np.tanh(a)),
    ("np.sqrt(np.abs(a))", lambda: np.sqrt(np.abs(a))),
    ("a.sum()", lambda: a.sum()),
    ("a.max()", lambda: a.max()),
    ("a2.sum(axis=0)", lambda: a2.sum(axis=0)),
    ("a2.sum(axis=1)", lambda: a2.sum(axis=1)),
    ("a2 + a2[0]", lambda: a2 + a2[0]),
    ("c += b", inplace),
    ("softmax rows", softmax_rows),
]

# A kernel that has run a while has its memory mapped: the first 80 fresh 4 MB results (Kernel Lab's
# 256 MiB resident heap, numpy's malloc arena) are timed on their own line, before the cases.
t0 = time.perf_counter()
for _ in range(80):
    a + b
print(f"first 80 fresh results (ms each)\t{(time.perf_counter() - t0) * 1e3 / 80:.4f}\t{(time.perf_counter() - t0) * 1e3 / 80:.4f}")

for label, fn in CASES:
    for _ in range(5):
        fn()
    times = []
    for _ in range(60):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    times.sort()
    print(f"{label}\t{times[0] * 1e3:.4f}\t{times[len(times) // 2] * 1e3:.4f}")
