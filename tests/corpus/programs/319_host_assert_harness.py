# Assertion-based checks: assert messages with f-strings, numpy testing helpers caught and reported
import numpy as np

def check_output(name, got, want, rtol=1e-5, atol=1e-8):
    assert got.shape == want.shape, f"{name}: shape {got.shape} != {want.shape}"
    assert got.dtype == want.dtype, f"{name}: dtype {got.dtype} != {want.dtype}"
    np.testing.assert_allclose(got, want, rtol=rtol, atol=atol)
    return True

a = np.arange(12, dtype=np.float32).reshape(3, 4)
cases = [
    ("same", a, a.copy()),
    ("shape", a, a.reshape(4, 3)),
    ("dtype", a, a.astype(np.float64)),
    ("values", a, a + np.float32(1e-3)),
]
for name, got, want in cases:
    try:
        check_output(name, got, want)
        print(f"{name}: ok")
    except AssertionError as e:
        first = str(e).strip().splitlines()[0]
        print(f"{name}: AssertionError: {first}")
np.testing.assert_array_equal(a[0], [0, 1, 2, 3])
np.testing.assert_allclose(a.sum(), 66.0)
try:
    np.testing.assert_array_equal(a[0], [0, 1, 2, 4])
except AssertionError as e:
    lines = str(e).strip().splitlines()
    print(lines[0], "|", lines[1].strip(), "|", len(lines) > 2)
try:
    assert a.max() < 5, "max too large: %.1f" % a.max()
except AssertionError as e:
    print("AssertionError:", e)
try:
    assert len(a) == 4
except AssertionError as e:
    print("bare assert:", repr(e), e.args)
