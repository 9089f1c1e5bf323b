import numpy as np
np.random.seed(1)
print(np.random.rand(2, 3))
print(np.random.randn(3))
print(np.random.randint(0, 10, size=5), np.random.randint(5))
print(np.random.uniform(-1, 1, size=(2, 2)), np.random.normal(0.0, 2.0, size=3))
print(np.random.random_sample(2), np.random.choice(5, 3), np.random.choice([10, 20, 30], size=4, p=[0.5, 0.25, 0.25]))
a = np.arange(6)
np.random.shuffle(a)
print(a, np.random.permutation(5))
rng = np.random.default_rng(123)
print(rng.random(3), rng.standard_normal(2), rng.integers(0, 100, size=4), rng.uniform(0, 5, 2), rng.normal(1.0, 0.5, 2))
print(rng.random((2, 2), dtype=np.float32), rng.choice(10, 3, replace=False))
np.testing.assert_allclose(np.array([1.0, 2.0]), np.array([1.0, 2.0 + 1e-9]), rtol=1e-6)
np.testing.assert_array_equal(np.arange(3), [0, 1, 2])
np.testing.assert_equal(3, 3)
np.testing.assert_almost_equal(1.0, 1.0000000001)
np.testing.assert_array_almost_equal(np.array([1.0, 2.0]), np.array([1.0, 2.0000001]))
try:
    np.testing.assert_array_equal(np.array([1, 2, 3]), np.array([1, 2, 4]))
except AssertionError as e:
    print(e)
try:
    np.testing.assert_allclose(np.ones((2, 2), dtype=np.float32), np.ones((2, 2)) * 1.001, err_msg="kernel output")
except AssertionError as e:
    print(e)
try:
    np.testing.assert_equal(1, 2)
except AssertionError as e:
    print(e)
np.testing.assert_allclose(np.arange(4.0), np.arange(4.0) + 0.5, atol=0.1)
