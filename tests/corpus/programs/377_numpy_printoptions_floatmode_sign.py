# np.set_printoptions floatmode, sign, nanstr and infstr; 0-d arrays stay arrays through astype,
# copy and np.where; np.resize repeats or cuts the data to a new shape.
import numpy as np

data = np.array([[1.5, -0.25, 3.0], [np.nan, 2.123456789, -np.inf]])
for floatmode in ["fixed", "unique", "maxprec", "maxprec_equal"]:
    for sign in ["-", "+", " "]:
        np.set_printoptions(floatmode=floatmode, sign=sign, precision=3)
        print(floatmode, repr(sign))
        print(repr(data))
        print(np.array([1e-7, 2.5e8, -3.0]), np.array([7, -3, 12]), np.array([0.1, 0.2], dtype=np.float32))
np.set_printoptions(precision=3, floatmode="maxprec_equal", sign="-")
print(repr(np.array([[170.875], [17.78125]], dtype=np.float16)))
np.set_printoptions(precision=8, floatmode="maxprec", nanstr="NaN", infstr="Inf")
print(repr(np.array([np.nan, -np.inf, 1.5])), np.array2string(np.array([1.25, np.nan]), precision=1))
print(np.get_printoptions())
for bad in [{"floatmode": "exact"}, {"sign": "x"}]:
    try:
        np.set_printoptions(**bad)
    except ValueError as e:
        print("ValueError:", e)
np.set_printoptions(nanstr="nan", infstr="inf")

zero_d = np.array(2.567)
print(repr(zero_d.astype(np.float32)), repr(zero_d.copy()), repr(np.where(zero_d > 1, zero_d, 0.0)))
print(repr(np.float64(2.5).astype(np.float32)), repr(np.float32(1.5).copy()))
print(np.resize(np.arange(5), (3, 4)))
print(np.resize(np.array([[1.5, 2], [3, 4]], dtype=np.float32), 7), np.resize(np.array([], dtype=np.int8), (2, 2)))
try:
    np.resize(np.arange(3), (2, -1))
except ValueError as e:
    print("ValueError:", e)
