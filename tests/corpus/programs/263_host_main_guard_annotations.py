# Tutorial-style script: type annotations, a main() function and the __name__ guard
import numpy as np

TILE: int = 128
counts: dict = {}

def tile_sizes(n: int, tile: int = TILE) -> list:
    sizes: list = []
    for start in range(0, n, tile):
        sizes.append(min(tile, n - start))
    return sizes

def normalize(x: np.ndarray, eps: float = 1e-6) -> np.ndarray:
    return (x - x.mean()) / (x.std() + eps)

def main() -> None:
    print(__name__)
    print(tile_sizes(300), tile_sizes(256, tile=100))
    x = np.arange(8, dtype=np.float32)
    y = normalize(x)
    print(y.dtype, np.round(y, 4))
    counts["calls"] = counts.get("calls", 0) + 1
    print(counts)

if __name__ == "__main__":
    main()
