"""Golden words for the exported MT19937 core, from CPython's `random` (which seeds an int n via
init_by_array over the 32-bit words of |n|, least significant first).
Run: python3 lib/numpy/random/gen/mt19937-cpython.gen.py"""
import json, os, random

cases = []
for seed in [0, 1, 42, 2**32 - 1, 2**32, 12345678901234567890, 2**100 + 3]:
    r = random.Random(seed)
    words = [r.getrandbits(32) for _ in range(1300)]
    doubles = [r.random() for _ in range(50)]
    cases.append({"seed": str(seed), "words": words, "doubles": doubles})
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "golden", "mt19937-cpython.json")
with open(path, "w") as f:
    json.dump(cases, f, separators=(",", ":"))
