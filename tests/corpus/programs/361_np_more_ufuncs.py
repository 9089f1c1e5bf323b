# Less common ufuncs: copysign, heaviside, logaddexp(2), fmod, float_power, inverse hyperbolics,
# degree conversions and fabs, with their dtypes and warnings; integer powers wrapping modulo 2^64.
import warnings
import numpy as np
warnings.simplefilter("ignore")
x = np.array([-2.5, -0.0, 0.0, 1.5, np.nan, np.inf, -3.0])
y = np.array([1.0, -1.0, 2.0, -0.0, 3.0, -2.0, 0.0])
for f in (np.copysign, np.heaviside, np.logaddexp, np.logaddexp2, np.fmod, np.float_power):
    print(f.__name__, f(x, y), f(x.astype(np.float32), y.astype(np.float32)).dtype)
print(np.fmod(np.array([7, -7, 5], dtype=np.int32), np.array([3, 3, 0], dtype=np.int32)))
print(np.fmod(np.array([7, -7], dtype=np.int64), 2), np.float_power(2, 3), np.float_power(np.float32(2), 0.5).dtype)
for f in (np.arcsinh, np.arccosh, np.arctanh, np.deg2rad, np.rad2deg, np.degrees, np.radians, np.fabs):
    print(f.__name__, f(np.array([0.5, 1.0, 2.0, -1.0])), f(np.array([1, 2], dtype=np.int16)).dtype)
print(np.array([2, -2, 2, 3], dtype=np.int64) ** np.array([63, 63, 64, 3]), np.array([-3], dtype=np.int32) ** 31)
print(np.logaddexp(np.float32(1000), np.float32(1000)), np.copysign(3, -1), np.heaviside(0, 0.5))
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    np.logaddexp(np.array([np.nan]), 1.0), np.float_power(-0.0, -1.0), np.fmod(np.arange(3), 0), np.arctanh(np.array([1.0]))
print([str(m.message) for m in w])
