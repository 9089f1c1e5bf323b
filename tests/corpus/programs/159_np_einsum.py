# einsum: common 2- and 3-operand forms
import numpy as np
a = np.arange(6).reshape(2, 3)
b = np.arange(12).reshape(3, 4)
v = np.arange(3)
print(np.einsum("ij,jk->ik", a, b), np.einsum("ij->ji", a), np.einsum("ij->", a), np.einsum("ij->j", a))
print(np.einsum("i,i->", v, v), np.einsum("i,j->ij", v, v), np.einsum("ii->i", np.arange(9).reshape(3, 3)), np.einsum("ii", np.eye(3)))
x = np.arange(24).reshape(2, 3, 4)
y = np.arange(40).reshape(2, 4, 5)
print(np.einsum("bij,bjk->bik", x, y).shape, np.einsum("bij,bjk->bik", x, y)[1, 0])
print(np.einsum("ij,jk,kl->il", a, b, np.ones((4, 2))))
q = np.arange(8, dtype=np.float32).reshape(2, 4)
k = np.arange(12, dtype=np.float32).reshape(3, 4)
print(np.einsum("qd,kd->qk", q, k), np.einsum("ij,ij->i", a, a), np.einsum("...j,j->...", x, np.ones(4)))
