# Latency statistics with numpy order statistics: median, percentile/quantile (linear), axis/keepdims, dtypes
import numpy as np
rng = np.random.default_rng(5)
lat = np.exp(rng.standard_normal(101)) * 80.0
print(np.median(lat), np.percentile(lat, 50), np.percentile(lat, [50, 90, 99]), np.quantile(lat, 0.25))
x32 = rng.standard_normal(20).astype(np.float32)
print(repr(np.median(x32)), repr(np.percentile(x32, 37.5)), repr(np.quantile(x32, [0.1, 0.9])), repr(np.median(x32[:7])))
ints = np.arange(10)
print(repr(np.median(ints)), repr(np.percentile(ints, 33)), np.median(np.array([[1, 2], [3, 5]]), axis=0), np.median(np.array([[1, 2], [3, 5]]), axis=1))
m = rng.integers(0, 100, (3, 4))
print(m, np.percentile(m, 50, axis=1, keepdims=True), np.percentile(m, [25, 75], axis=0), np.median(m, keepdims=True))
print(np.median([3, 1, 2]), np.percentile([1, 2, 3, 4], 100), np.percentile([1.5], 30), np.median(np.array([1.0, np.nan, 2.0])))
for bad in [lambda: np.percentile(lat, 101), lambda: np.quantile(lat, -0.1)]:
    try:
        bad()
    except ValueError as e:
        print("ValueError:", e)
times_us = [120.5, 118.25, 131.0, 119.75, 240.0, 121.5]
print(f"p50={np.percentile(times_us, 50):.2f} us p99={np.percentile(times_us, 99):.3f} us median={np.median(times_us):.2f}")
print(repr(np.median(np.array([-0.0]))), repr(np.percentile(np.array([-0.0, -0.0]), 50)), repr(np.median(np.arange(-3, 0) * 0)))
