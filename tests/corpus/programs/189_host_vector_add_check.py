# NKI tutorial host code: build inputs, reference result, check with allclose
import numpy as np
np.random.seed(0)
a = np.random.rand(128, 512).astype(np.float32)
b = np.random.rand(128, 512).astype(np.float32)
expected = a + b
def fake_kernel(x, y):
    out = np.empty_like(x)
    for i in range(0, x.shape[1], 128):
        out[:, i:i + 128] = x[:, i:i + 128] + y[:, i:i + 128]
    return out
actual = fake_kernel(a, b)
print("shape:", actual.shape, "dtype:", actual.dtype)
print("allclose:", np.allclose(actual, expected))
print("max abs diff:", np.abs(actual - expected).max())
print(actual[0, :4])
if np.allclose(actual, expected):
    print("NKI and NumPy match")
else:
    print("NKI and NumPy differ")
