# np.nanmean of slices without a number: nan, numpy's "Mean of empty slice" RuntimeWarning (raised here as an error), no division warning
import warnings
import numpy as np

a = np.array([[np.nan, np.nan], [1.0, np.nan], [2.0, 4.0]])
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    print(np.nanmean(a, axis=1), np.nanmean(a), np.nanmean(a, axis=0))
    print(np.nanmean(np.array([np.nan])), np.nanmean(np.array([], dtype=np.float32)), np.nanmean(a[2]))
print([(w.category.__name__, str(w.message)) for w in caught])
with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        np.nanmean(a, axis=1)
    except RuntimeWarning as e:
        print("RuntimeWarning:", e)
    print(np.nanmean(a[1:]), np.nanmean(np.array([1, 2, 4])))
