# assert statements that pass and fail (caught)
def check(x):
    assert x > 0, f"x must be positive, got {x}"
    return x
print(check(3))
try:
    check(-1)
except AssertionError as e:
    print("AssertionError:", e)
try:
    assert 1 == 2
except AssertionError as e:
    print("empty message:", repr(str(e)), e.args)
shape = (128, 512)
assert shape[0] <= 128, "partition dim too large"
assert len(shape) == 2
try:
    assert shape[1] % 1024 == 0, ("bad shape", shape)
except AssertionError as e:
    print(e.args[0][0], e.args[0][1], len(e.args))
print("done")
