# Host-side timing of a reference computation with perf_counter (only non-timing values printed)
import time
import numpy as np
a = np.ones((256, 256), dtype=np.float32)
times = []
for trial in range(3):
    t0 = time.perf_counter()
    c = a @ a
    times.append(time.perf_counter() - t0)
print("result check:", c[0, 0], c.shape)
print("timings recorded:", len(times), all(t >= 0 for t in times))
best = min(times)
print("best is a float:", isinstance(best, float))
flops = 2 * 256 ** 3
print("flops per run:", flops)
print(f"{flops / 1e6:.1f} MFLOP")
