"""Golden slice bounds for lib/nki/slice-index.test.ts: which rows/columns CPython's slice semantics
select from an (8, 16) tensor for `a[lo0:hi0, lo1:hi1]` with ints (negative, out of range) and None.
Run: python3 lib/nki/slice-index.gen.py > lib/nki/golden/slice-index.json"""
import json

bounds = [None, -20, -9, -8, -3, -1, 0, 2, 5, 7, 8, 15, 16, 30]
cases = []
for i, (lo0, hi0) in enumerate((a, b) for a in bounds for b in bounds):
    lo1, hi1 = bounds[(i * 5) % len(bounds)], bounds[(i * 3 + 7) % len(bounds)]
    rows = list(range(8))[slice(lo0, hi0)]
    cols = list(range(16))[slice(lo1, hi1)]
    if rows and cols:
        cases.append({"key": [lo0, hi0, lo1, hi1], "rows": rows, "cols": cols})
print(json.dumps(cases))
