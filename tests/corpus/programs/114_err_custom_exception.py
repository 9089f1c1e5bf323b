# Uncaught user-defined exception with a custom __str__
class KernelError(Exception):
    pass
class ShapeMismatch(KernelError):
    def __init__(self, a, b):
        super().__init__(f"shapes {a} and {b} do not match")
        self.a, self.b = a, b
def matmul_shapes(a, b):
    if a[1] != b[0]:
        raise ShapeMismatch(a, b)
    return (a[0], b[1])
print(matmul_shapes((128, 64), (64, 32)))
try:
    matmul_shapes((1, 2), (3, 4))
except KernelError as e:
    print("caught:", e, e.a)
matmul_shapes((128, 512), (256, 128))
