# CS149-style conv2d reference: naive loops vs an im2col/einsum formulation, with bias and padding
import numpy as np
def conv2d_naive(x, w, b, pad):
    c_in, h, wd = x.shape
    c_out, _, kh, kw = w.shape
    xp = np.pad(x, ((0, 0), (pad, pad), (pad, pad)))
    out_h, out_w = h + 2 * pad - kh + 1, wd + 2 * pad - kw + 1
    out = np.zeros((c_out, out_h, out_w), dtype=np.float32)
    for co in range(c_out):
        for i in range(out_h):
            for j in range(out_w):
                out[co, i, j] = np.sum(xp[:, i:i + kh, j:j + kw] * w[co]) + b[co]
    return out
def conv2d_im2col(x, w, b, pad):
    c_in, h, wd = x.shape
    c_out, _, kh, kw = w.shape
    xp = np.pad(x, ((0, 0), (pad, pad), (pad, pad)))
    out_h, out_w = h + 2 * pad - kh + 1, wd + 2 * pad - kw + 1
    cols = np.stack([xp[:, i:i + out_h, j:j + out_w] for i in range(kh) for j in range(kw)], axis=1)
    return np.einsum("ckhw,ock->ohw", cols, w.reshape(c_out, c_in, kh * kw)) + b[:, None, None]
rng = np.random.default_rng(149)
x = rng.integers(-3, 4, size=(2, 5, 5)).astype(np.float32)
w = rng.integers(-2, 3, size=(3, 2, 3, 3)).astype(np.float32)
b = np.array([0.5, -1.0, 2.0], dtype=np.float32)
ref = conv2d_naive(x, w, b, pad=1)
fast = conv2d_im2col(x, w, b, pad=1)
print(ref.shape, fast.shape, fast.dtype)
print(ref[0])
print(np.array_equal(ref, fast), np.abs(ref - fast).max())
relu = np.maximum(ref, 0)
print(relu.sum(axis=(1, 2)), int((relu > 0).sum()))
