# numpy's float power loop skips pow for one exponent value of -1, 0, 0.5, 1 or 2 (sqrt's nan for -inf ** 0.5); numpy scalars' ** and array exponents use pow
import numpy as np

x = np.array([-np.inf, -4.0, np.inf, 4.0, -0.0, np.nan, 3.0])
with np.errstate(all="ignore"):
    for e in [0.5, -1.0, 0.0, 1.0, 2.0, -0.5, 3.0]:
        print(e, np.power(x, e), np.power(x, np.full(7, e)), np.power(x.astype(np.float32), e))
    print(np.power(x.astype(np.float16), 0.5))
    a = np.full((3, 4), -np.inf)
    for name, e in [("(1,1)", np.full((1, 1), 0.5)), ("(3,1)", np.full((3, 1), 0.5)), ("(4,)", np.full(4, 0.5)), ("0-d", np.array(0.5)), ("broadcast", np.broadcast_to(np.array(0.5), (3, 4)))]:
        print(name, np.power(a, e)[0])
    print(np.power(a[:, ::2], 0.5)[0], np.power(a.T, 0.5)[0])
    print(np.power(np.array([-np.inf]), np.array([0.5])), np.power(np.array([-np.inf]), np.array(0.5)), np.power(np.array(-np.inf), np.array([0.5])))
    print(np.power(np.float64(-np.inf), 0.5), np.float64(-np.inf) ** 0.5, np.float32(-np.inf) ** 0.5, np.float64(-0.0) ** 0.5, np.power(np.float64(-0.0), 0.5))
    v = np.float64(-np.inf)
    v **= 0.5
    print(v, np.array([-np.inf]) ** np.float64(0.5), np.float64(-4) ** np.array([0.5, 0.5]))
    print(np.signbit(np.power(np.array([-1.0, -np.inf]), np.array([0.5, 0.5]))), np.signbit(np.power(np.array([-1.0, -np.inf]), 0.5)))
for e in [2.0, -1.0, 0.5]:
    with np.errstate(all="raise"):
        try:
            print(np.power(np.array([1e200, 0.0, -4.0]), e))
        except FloatingPointError as err:
            print(e, "FloatingPointError:", err)
