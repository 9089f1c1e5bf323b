# np.random.multinomial on the legacy generator, RandomState objects and Generator (both draw with the
# shared binomial, as numpy does), with numpy's checks of pvals and n.
import numpy as np
np.random.seed(3)
print(repr(np.random.multinomial(20, [1/6.] * 6)), repr(np.random.multinomial(100, [0.2, 0.3, 0.5], size=3)), repr(np.random.multinomial(1000, [0.001, 0.999], size=(2, 2))), repr(np.random.multinomial(0, [0.5, 0.5])))
print(repr(np.random.rand(2)))
rs = np.random.RandomState(9)
print(repr(rs.multinomial(50, [0.25, 0.25, 0.5], 4)), repr(rs.rand()))
g = np.random.default_rng(11)
print(repr(g.multinomial(20, [1/6.] * 6)), repr(g.multinomial(100, [0.2, 0.3, 0.5], size=3)), repr(g.multinomial(5000, [0.9, 0.05, 0.05])), repr(g.random()))
for bad in [lambda: np.random.multinomial(10, [0.7, 0.6]), lambda: np.random.multinomial(10, [1.2, -0.2]), lambda: np.random.multinomial(-1, [0.5, 0.5]), lambda: g.multinomial(10, [0.8, 0.8, 0.1])]:
    try:
        bad()
    except ValueError as e:
        print("ValueError:", e)
