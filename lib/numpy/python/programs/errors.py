import numpy as np
def attempt(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
attempt(lambda: np.zeros((2, 3)).sum(axis=2))
attempt(lambda: np.zeros((2, 3))[0, 0, 0])
attempt(lambda: np.zeros((2, 3))[1.5])
attempt(lambda: np.zeros(3) + np.zeros(2))
attempt(lambda: bool(np.zeros(3)))
attempt(lambda: np.array([1, 2]) - np.array([True, False]) - np.array([True, True]))
attempt(lambda: np.array([True]) - np.array([True]))
attempt(lambda: np.arange(3) ** -1)
attempt(lambda: np.int8(1) + 300)
attempt(lambda: np.array([[1, 2], [3]]))
attempt(lambda: np.zeros(3).reshape(2, 2))
attempt(lambda: np.dot(np.ones((2, 3)), np.ones((2, 3))))
attempt(lambda: np.concatenate([np.ones(2), np.ones((2, 2))]))
attempt(lambda: np.stack([np.ones(2), np.ones(3)]))
attempt(lambda: np.ones(3).item())
attempt(lambda: len(np.float32(1)))
attempt(lambda: np.linalg.norm(np.ones(3), ord='fro'))
x = np.arange(4)
x += 1.5
