# Reference code silencing numpy's floating-point warnings: errstate blocks, seterr/geterr round trips
import numpy as np

def safe_log_ratio(a, b):
    with np.errstate(divide="ignore", invalid="ignore"):
        r = np.log(a / b)
    r[~np.isfinite(r)] = 0.0
    return r

a = np.array([1.0, 0.0, 2.0, 0.0])
b = np.array([2.0, 0.0, 0.0, 1.0])
print(safe_log_ratio(a, b).round(4))
print(sorted(np.geterr().items()))
old = np.seterr(all="ignore")
print(sorted(old.items()), np.geterr()["over"])
print(np.exp(np.array([1000.0])), np.ones(2) / np.zeros(2))
prev = np.seterr(over="warn", under="warn")
print(prev["over"], np.geterr()["over"], np.geterr()["under"], np.geterr()["divide"])
np.seterr(**old)
print(np.geterr() == old, sorted(np.geterr().items()))
with np.errstate(all="ignore"):
    print(np.geterr()["invalid"], np.sqrt(np.array([-1.0, 4.0])))
    with np.errstate(invalid="warn"):
        print(np.geterr()["invalid"], np.geterr()["divide"])
    print(np.geterr()["invalid"])
print(np.geterr()["invalid"], np.geterr()["under"])
try:
    np.seterr(divide="loud")
except ValueError as e:
    print("ValueError:", e)
ratio = np.where(b != 0, a / np.where(b != 0, b, 1), np.nan)
print(ratio, np.nanmean(ratio), np.isnan(ratio).sum())
