# Uncaught AssertionError with a formatted message
def check_shape(shape):
    assert len(shape) == 2, f"expected 2-D, got {len(shape)}-D"
    assert shape[0] <= 128, f"partition dim {shape[0]} exceeds 128"
    return True
print(check_shape((128, 64)))
try:
    check_shape((1, 2, 3))
except AssertionError as e:
    print("caught:", e)
print(check_shape((256, 64)))
