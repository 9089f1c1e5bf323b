"""numpy timings for the same operations as elementwise.bench.ts: label, then best and median of 30
wall-clock times and best and median CPU (process_time) times, in ms, tab-separated."""
import os
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
import time
import numpy as np

N = 1_000_000
rng = np.random.default_rng(0)
a = (rng.random(N, dtype=np.float32) - 0.5)
b = (rng.random(N, dtype=np.float32) - 0.5)
a2 = a.reshape(1000, 1000)


def t(label, fn, reps=30):
    for _ in range(5):
        fn()
    wall, cpu = [], []
    for _ in range(reps):
        t0, c0 = time.perf_counter(), time.process_time()
        fn()
        wall.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.process_time() - c0) * 1000)
    wall.sort()
    cpu.sort()
    mid = len(wall) // 2
    print(f"{label}\t{wall[0]:.4f}\t{wall[mid]:.4f}\t{cpu[0]:.4f}\t{cpu[mid]:.4f}")
    return wall[0]


t("a + b", lambda: a + b)
t("a * b", lambda: a * b)
t("a * 2.0", lambda: a * 2.0)
t("a / b", lambda: a / b)
t("maximum(a, 0)", lambda: np.maximum(a, 0.0))
t("minimum(a, b)", lambda: np.minimum(a, b))
t("a > b", lambda: a > b)
t("a == 0.5", lambda: a == 0.5)
t("where(a > 0, a, b)", lambda: np.where(a > 0, a, b))
t("exp(a)", lambda: np.exp(a))
t("sqrt(abs(a))", lambda: np.sqrt(np.abs(a)))
t("tanh(a)", lambda: np.tanh(a))
t("a.sum()", lambda: a.sum())
t("a.mean()", lambda: a.mean())
t("a.max()", lambda: a.max())
t("a.min()", lambda: a.min())
t("a2.sum(axis=0)", lambda: a2.sum(axis=0))
t("a2.sum(axis=1)", lambda: a2.sum(axis=1))
t("a2 + a2[0] (broadcast)", lambda: a2 + a[:1000])
c = a.copy()
c2 = a2.copy()


def iadd():
    global c
    c += b


def isub_rowmax():
    global c2
    c2 -= c2.max(axis=1, keepdims=True)


t("c += b (in place)", iadd)
t("c2 -= c2.max(1, keepdims)", isub_rowmax)
m = 512
ma = rng.random((m, m), dtype=np.float32)
mb = rng.random((m, m), dtype=np.float32)
tm = t("matmul 512^3 f32", lambda: ma @ mb, reps=3)
