# nanmedian, nanquantile and nanpercentile use each lane's non-NaN values (an all-NaN lane gives nan
# and numpy's RuntimeWarning), keep float32 for float32 data, and check q's range.
import numpy as np

a = np.array([[1, np.nan, 3], [np.nan, np.nan, np.nan], [4, 5, np.nan]])
b = np.array([[1, np.nan, 3, 8], [2, 7, np.nan, np.nan], [4, 5, 6, 0.5]])
print(np.nanmedian(a, axis=1), np.nanmedian(a), repr(np.nanmedian(np.array([1.0, 2, np.nan, 4], np.float32))))
print(np.nanpercentile(b, 50, axis=1), np.nanquantile(b, [0.25, 0.75], axis=1), np.nanpercentile(np.arange(5.0), 30))
print(np.nanmedian(b, axis=0, keepdims=True), repr(np.nanquantile(np.array([np.nan, 2.0], np.float32), 0.5)), np.nanmedian(np.arange(6).reshape(2, 3), axis=1))
print(np.nanquantile(b, 0.9), np.nanpercentile(b, [10, 90], axis=0))
for bad in (lambda: np.nanpercentile(b, 150), lambda: np.nanquantile(b, -0.1)):
    try:
        bad()
    except ValueError as e:
        print("ValueError:", e)
