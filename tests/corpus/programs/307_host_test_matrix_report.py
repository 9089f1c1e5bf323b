# Test-matrix harness: every (size, dtype, tile) combination, a PASS/FAIL column and a summary
import itertools
import numpy as np

def reference_add(a, b):
    return a + b

def tiled_add(a, b, tile):
    out = np.empty_like(a)
    for start in range(0, a.shape[0], tile):
        stop = min(start + tile, a.shape[0])
        out[start:stop] = a[start:stop] + b[start:stop]
    return out

sizes = [64, 200]
dtypes = [np.float32, np.float16]
tiles = [32, 128]
np.random.seed(0)
results = []
for size, dtype, tile in itertools.product(sizes, dtypes, tiles):
    a = np.random.rand(size, 8).astype(dtype)
    b = np.random.rand(size, 8).astype(dtype)
    expected = reference_add(a, b)
    actual = tiled_add(a, b, tile)
    match = np.allclose(actual, expected, atol=1e-2, rtol=1e-2)
    max_diff = float(np.max(np.abs(actual.astype(np.float32) - expected.astype(np.float32))))
    name = f"add_{size}x8_{np.dtype(dtype).name}_t{tile}"
    print(f"{name:<28} {'PASS' if match else 'FAIL'} (max diff: {max_diff:.6f})")
    results.append(match)
passed = sum(results)
total = len(results)
print(f"\n{passed}/{total} versions passed")
print("all passed" if all(results) else "some failed", any(not r for r in results))
