# expect: error MemoryError|ValueError
# broadcast_to is a view; copying it must be charged against the budget.
import numpy as np
view = np.broadcast_to(np.zeros(1, dtype=np.float32), (10 ** 5, 10 ** 6))
print(view.shape)
full = view.copy()
print("ESCAPED", full.size)
