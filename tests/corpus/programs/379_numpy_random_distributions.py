# numpy.random samplers: legacy module functions, RandomState instances and default_rng's Generator
import numpy as np

np.random.seed(12)
print(np.random.exponential(), np.random.exponential(2.0, size=3), np.random.standard_exponential(2))
print(np.random.gamma(3.0, 2.0), np.random.gamma(0.5, size=3), np.random.standard_gamma(1.0, size=2))
print(np.random.beta(2.0, 5.0, size=2), np.random.beta(0.5, 0.5, size=2), np.random.lognormal(0.0, 0.5, size=3))
print(np.random.laplace(), np.random.laplace(1.0, 2.0, size=3))
print(np.random.poisson(3.5, size=6), np.random.poisson(250.0, size=3), np.random.poisson([0.0, 1.0, 40.0]))
print(np.random.binomial(10, 0.3, size=5), np.random.binomial(1000, 0.75, size=3), np.random.binomial([5, 50], [0.5, 0.9]))
print(type(np.random.poisson(2.0)).__name__, type(np.random.binomial(4, 0.5)).__name__, np.random.poisson(2.0, size=2).dtype)
print(np.random.exponential([1.0, 10.0], size=(2, 2)).shape, np.random.gamma([[1.0], [9.0]], [1.0, 2.0, 3.0]).shape)

# A RandomState has its own stream; the module functions are one hidden instance's methods
rs = np.random.RandomState(12)
print(rs.exponential(), rs.exponential(2.0, size=3)[0], rs.randint(0, 100, size=4), rs.rand(2))
state = np.random.get_state()
before = np.random.binomial(60, 0.4, size=4)
np.random.set_state(state)
print(state[0], state[1].dtype, len(state[1]), before, np.random.binomial(60, 0.4, size=4))

g = np.random.default_rng(12)
print(g.exponential(), g.standard_exponential(3), g.gamma(2.5, 1.5, size=2), g.standard_gamma(7.0))
print(g.beta(3.0, 1.5, size=2), g.lognormal(size=2), g.laplace(0.0, 3.0, size=2))
print(g.poisson(6.0, size=5), g.poisson(1e5), g.binomial(25, 0.2, size=4), g.binomial(4000, 0.6, size=2))

print(np.random.permutation(-2), g.permutation(-2), np.random.permutation(0).dtype)
grid = np.arange(12).reshape(3, 4)
print(g.choice(grid), g.choice(grid, size=2, replace=False).tolist(), g.choice(grid, 2, axis=1).tolist())

for bad in (lambda: np.random.exponential(-1.0), lambda: g.poisson([1.0, -2.0]), lambda: np.random.binomial(5, 1.5),
            lambda: g.beta(0.0, 1.0), lambda: np.random.choice(grid), lambda: g.exponential([1.0, 2.0], size=3)):
    try:
        bad()
    except ValueError as e:
        print("ValueError:", e)
