# np.errstate / np.seterr / np.geterr: raise turns the first reported kind into FloatingPointError,
# ignore silences a kind, settings nest and are restored, warnings filters apply to the warnings.
import warnings
import numpy as np

print(np.geterr())
a = np.array([1.0, 0.0, 1e308])
with np.errstate(divide="raise"):
    try:
        a / 0
    except FloatingPointError as e:
        print("raised:", e)
    print(np.geterr()["divide"])
    with np.errstate(divide="ignore", invalid="raise"):
        try:
            a / 0
        except FloatingPointError as e:
            print("inner raised:", e)
print(np.geterr()["divide"], np.geterr()["invalid"])

with np.errstate(all="raise"):
    for f in (lambda: a * 10, lambda: np.sqrt(np.array([-1.0] * 500)), lambda: np.float32(1e40),
              lambda: np.array([np.nan]).astype(np.int32), lambda: np.full(300, 1e308).sum(),
              lambda: np.float64(2.0) / 0, lambda: np.arange(3) // 0, lambda: np.int8(100) * np.int8(3)):
        try:
            print("no error:", f())
        except FloatingPointError as e:
            print(type(e).__name__, e)
    print("ok:", np.array([np.inf]) + 1, np.array([np.nan]) * 2, np.maximum(np.nan, 1.0))

old = np.seterr(over="ignore", divide="ignore")
print(sorted(old.items()))
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    a * 10, a / 0, a - np.inf + np.inf
print([str(x.message) for x in w])
np.seterr(**old)
with warnings.catch_warnings():
    warnings.simplefilter("error", RuntimeWarning)
    try:
        np.log(np.zeros(4))
    except RuntimeWarning as e:
        print("as error:", e)
try:
    np.seterr(divide="shout")
except ValueError as e:
    print(e)
x = np.array([1.0]) / np.array([0.0])
print(x)
with np.errstate(divide="raise"):
    y = np.array([2.0]) / np.array([0.0])
