# isnan, isinf, isfinite, nan handling in reductions
import numpy as np
x = np.array([1.0, np.nan, np.inf, -np.inf, 0.0])
print(np.isnan(x), np.isinf(x), np.isfinite(x), np.isnan(x).any(), np.isinf(x).sum())
print(x.sum(), np.nansum(x[:2]), np.nanmax(np.array([1.0, np.nan, 3.0])), np.nanmin(np.array([np.nan, -2.0])))
print(np.nan == np.nan, np.isnan(np.nan), np.array([np.nan]) == np.array([np.nan]))
print(np.max(np.array([1.0, np.nan])), np.maximum(np.array([1.0, np.nan]), 0.0), np.fmax(np.array([1.0, np.nan]), 0.0))
z = np.zeros(3)
r = np.array([1.0, -1.0, 0.0]) / z
print(r, np.isnan(r), np.nan_to_num(r))
clean = np.where(np.isfinite(x), x, -1.0)
print(clean, np.nanmean(np.array([1.0, np.nan, 3.0])))
