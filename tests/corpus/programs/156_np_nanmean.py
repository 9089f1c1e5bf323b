# nanmean and related nan-aware reductions
import numpy as np
a = np.array([[1.0, np.nan, 3.0], [np.nan, np.nan, 6.0]])
print(np.nanmean(a), np.nanmean(a, axis=0), np.nanmean(a, axis=1))
print(np.nansum(a), np.nansum(a, axis=1), np.nanmax(a, axis=0), np.nanmin(a, axis=1))
print(np.mean(a), np.nanmean(np.array([2.0, 4.0])), np.nanmean(a, axis=1, keepdims=True))
b = np.array([1.0, 2.0, np.nan, 4.0], dtype=np.float32)
print(np.nanmean(b), np.nanmean(b).dtype, np.nanstd(b), np.nanvar(b))
data = np.array([[0.5, 0.7], [np.nan, 0.9], [0.4, np.nan]])
col_means = np.nanmean(data, axis=0)
filled = np.where(np.isnan(data), col_means, data)
print(col_means, filled)
