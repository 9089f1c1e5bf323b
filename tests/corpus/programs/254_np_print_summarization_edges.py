# Summarization thresholds: exactly 1000 vs 1001 elements, 2-D and 3-D summaries, edgeitems
import numpy as np
print(np.arange(1000)[-5:], np.arange(1000).size)
a = np.arange(1000)
print(str(a).count("..."), len(str(a).splitlines()))
b = np.arange(1001)
print(str(b).count("..."), str(b)[:30])
print(np.arange(2002).reshape(2, 1001))
print(np.arange(3000).reshape(3, 10, 100))
print(np.arange(1100, dtype=np.float32).reshape(1100, 1) / 3)
print(repr(np.arange(1200, dtype=np.int16)))
