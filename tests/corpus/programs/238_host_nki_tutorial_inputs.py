# NKI tutorial style: inputs as float16/bfloat16-free dtypes, shapes in tiles, output checks
import numpy as np
np.random.seed(0)
a_tensor = np.random.random_sample([128, 512]).astype(np.float16)
b_tensor = np.random.random_sample([128, 512]).astype(np.float16)
output_nki = a_tensor + b_tensor
output_np = np.add(a_tensor, b_tensor)
allclose = np.allclose(output_np, output_nki, atol=1e-4, rtol=1e-2)
print("NKI and NumPy match" if allclose else "NKI and NumPy differ")
print(output_nki.dtype, output_nki.shape, output_nki[0, :4])
lhs = np.random.random_sample([64, 128]).astype(np.float16)
rhs = np.random.random_sample([128, 512]).astype(np.float16)
res = np.matmul(lhs.astype(np.float32), rhs.astype(np.float32))
print(res.shape, res.dtype, np.round(res[0, :3], 3))
print(np.allclose(res.astype(np.float16), np.matmul(lhs, rhs), rtol=1e-2, atol=1e-1))
