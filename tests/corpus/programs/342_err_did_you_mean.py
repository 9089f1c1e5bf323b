# A typo in a harness helper: str(e) has no suggestion, the printed traceback adds "Did you mean"
import numpy as np

class Check:
    def __init__(self, rtol):
        self.rtol = rtol
        self.failures = 0

def compare(expected, actual, check):
    max_diff = float(np.abs(expected - actual).max())
    try:
        check.rtoll
    except AttributeError as e:
        print("caught:", e)
    try:
        print(max_dif)
    except NameError as e:
        print("caught:", e)
    if max_diff > check.rtol:
        check.failures += 1
    return max_dif <= check.rtol

a = np.ones(4, dtype=np.float32)
print(compare(a, a, Check(1e-3)))
