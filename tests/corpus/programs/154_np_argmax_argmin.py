# argmax, argmin, including ties and flattened indices
import numpy as np
a = np.array([[3, 9, 2], [9, 1, 5]])
print(np.argmax(a), np.argmin(a), a.argmax(axis=0), a.argmax(axis=1), a.argmin(axis=0), a.argmin(axis=1))
print(np.unravel_index(np.argmax(a), a.shape), np.argmax(np.array([1, 5, 5, 2])), np.argmin(np.array([2.0, -1.0, -1.0])))
print(np.argmax(np.array([1.0, np.nan, 3.0])), np.argmax(np.array([[1], [3]]), axis=0))
scores = np.array([0.1, 0.7, 0.2])
labels = ["cat", "dog", "bird"]
print(labels[int(np.argmax(scores))], type(np.argmax(scores)).__name__)
logits = np.arange(12).reshape(4, 3) % 5
print(logits, logits.argmax(axis=-1))
