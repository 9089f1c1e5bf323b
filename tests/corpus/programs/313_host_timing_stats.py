# Latency statistics the way benchmark scripts summarise samples: percentiles, mean, std, units
import math

samples_s = [1.25e-4, 1.31e-4, 1.19e-4, 2.05e-4, 1.22e-4, 1.27e-4, 1.24e-4, 1.33e-4, 1.21e-4, 1.9e-4]

def percentile(values, p):
    ordered = sorted(values)
    k = (len(ordered) - 1) * p / 100
    lo = math.floor(k)
    hi = math.ceil(k)
    if lo == hi:
        return ordered[int(k)]
    return ordered[lo] * (hi - k) + ordered[hi] * (k - lo)

mean = sum(samples_s) / len(samples_s)
var = sum((x - mean) ** 2 for x in samples_s) / (len(samples_s) - 1)
std = math.sqrt(var)
print(f"n={len(samples_s)} mean={mean * 1e6:.2f} us std={std * 1e6:.3f} us")
for p in (50, 90, 99):
    print(f"p{p}: {percentile(samples_s, p) * 1e6:8.3f} us")
print(f"min {min(samples_s) * 1e6:.1f} us, max {max(samples_s) * 1e6:.1f} us, spread {max(samples_s) / min(samples_s):.2f}x")
warm = samples_s[2:]
print(round(sum(warm) / len(warm) * 1e6, 3), round(math.fsum(warm), 10), len(warm))
flops = 2 * 1024 * 1024 * 512
print(f"{flops / mean / 1e12:.3f} TFLOP/s", f"{flops:.3e}", f"{flops // 10**6} MFLOP")
outliers = [i for i, x in enumerate(samples_s) if abs(x - mean) > 2 * std]
print("outliers:", outliers, [f"{samples_s[i]:.2e}" for i in outliers])
print(round(2.675, 2), round(0.5), round(1.5), round(-2.5), round(1234.5678, -2), round(7, -1))
