@nki.jit
def slices_and_scalars(a_input):
    # Column blocks by slicing, sequential_range over them, scalar arithmetic on tiles.
    out = nl.ndarray((128, 64), dtype=nl.float32, buffer=nl.shared_hbm)
    for j in nl.sequential_range(2):
        tile = nl.load(a_input[0:128, j * 32:(j + 1) * 32])
        nl.store(out[:, nl.ds(j * 32, 32)], value=(tile * 2.0 + 1) - tile / 4)
    return out
