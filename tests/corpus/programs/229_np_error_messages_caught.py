# numpy's error messages for common mistakes (caught and printed)
import numpy as np
a = np.arange(6).reshape(2, 3)
cases = [
    lambda: a.reshape(4, 2),
    lambda: a + np.ones(2),
    lambda: a @ a,
    lambda: a[2],
    lambda: a[0, 3],
    lambda: a[:, [5]],
    lambda: np.concatenate([a, np.ones(3)]),
    lambda: a.sum(axis=2),
    lambda: np.zeros((2, -1)),
    lambda: np.arange(4).reshape(3, -1),
    lambda: np.ones(3)[np.array([True, False])],
    lambda: np.stack([np.ones(2), np.ones(3)]),
    lambda: np.dot(np.ones(3), np.ones(4)),
    lambda: np.transpose(a, (0, 0)),
    lambda: np.swapaxes(a, 0, 5),
    lambda: np.expand_dims(a, 4),
    lambda: np.split(np.arange(7), 2),
    lambda: np.broadcast_to(a, (3, 3)),
    lambda: np.linalg.norm(a, axis=3),
    lambda: np.random.choice(3, 5, replace=False),
    lambda: np.einsum("ij,jk->ik", a, a),
    lambda: a.astype("nonsense"),
    lambda: np.array([1, 2]).item(),
]
for i, case in enumerate(cases):
    try:
        case()
        print(i, "no error")
    except Exception as e:
        print(i, type(e).__name__ + ":", e)
