# import forms: import x, import x.y as z, from x import y as z
import math
import numpy as np
import numpy.random as npr
from math import sqrt as root, pi
from functools import reduce
import itertools, operator
from numpy import float32
print(math.floor(2.7), root(16), round(pi, 5))
print(reduce(operator.add, [1, 2, 3]))
print(list(itertools.chain([5], (6, 7))))
npr.seed(0)
print(np.__name__, npr.randint(0, 10, size=3))
print(float32(1.5) * 2)
import math as m2
print(m2 is math, m2.tau == 2 * math.pi)
def local_import():
    from math import factorial
    return factorial(6)
print(local_import())
