# Notebook-style warning control: filterwarnings/simplefilter, catch_warnings(record=True), warnings as errors
import warnings
warnings.filterwarnings("ignore")
warnings.warn("hidden")
warnings.resetwarnings()
def legacy_tile(n):
    warnings.warn("legacy_tile is deprecated; use tile()", DeprecationWarning)
    return n * 2
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    print(legacy_tile(3), legacy_tile(4))
    warnings.warn("plain")
    warnings.warn(FutureWarning("future thing"))
print(len(caught), [w.category.__name__ for w in caught], [str(w.message) for w in caught])
print(issubclass(caught[0].category, DeprecationWarning), isinstance(caught[3].message, FutureWarning))
warnings.simplefilter("error", RuntimeWarning)
try:
    warnings.warn("overflow", RuntimeWarning)
except RuntimeWarning as e:
    print("raised:", repr(e))
warnings.filterwarnings("error", message="strict.*")
for msg in ["strict mode", "lenient mode"]:
    try:
        warnings.warn(msg)
        print("warned:", msg)
    except UserWarning as e:
        print("error:", e)
try:
    warnings.simplefilter("loud")
except AssertionError as e:
    print("AssertionError:", e)
print(issubclass(FutureWarning, Warning), issubclass(UserWarning, Exception), PendingDeprecationWarning.__mro__[1].__name__)
