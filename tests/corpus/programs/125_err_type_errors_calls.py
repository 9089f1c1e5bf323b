# Uncaught TypeError for wrong argument counts in a user function
def tile_offsets(n, tile):
    return [i * tile for i in range((n + tile - 1) // tile)]
print(tile_offsets(300, 128))
try:
    tile_offsets(300)
except TypeError as e:
    print("caught:", e)
try:
    tile_offsets(300, 128, 1)
except TypeError as e:
    print("caught:", e)
try:
    tile_offsets(300, tile=128, size=3)
except TypeError as e:
    print("caught:", e)
print(tile_offsets(n=10, tile=4))
print(tile_offsets(1, 2, 3, 4))
