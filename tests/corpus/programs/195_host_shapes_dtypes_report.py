# Printing shapes, dtypes and summaries of kernel inputs and outputs
import numpy as np
rng = np.random.default_rng(1)
inputs = {
    "q": rng.standard_normal((128, 64)).astype(np.float32),
    "k": rng.standard_normal((128, 64)).astype(np.float32),
    "v": rng.standard_normal((128, 64)).astype(np.float16),
    "mask": np.ones((128, 128), dtype=bool),
}
for name, arr in inputs.items():
    print(f"{name:>5}: shape={arr.shape} dtype={arr.dtype} bytes={arr.nbytes}")
total = sum(a.nbytes for a in inputs.values())
print(f"total input bytes: {total} ({total / 1024:.1f} KiB)")
print(inputs["q"][:2, :3])
print(inputs["v"][0, :4])
print(inputs["mask"].sum(), inputs["mask"].dtype)
