"""Golden "Did you mean" suggestions from CPython 3.11's traceback printing of AttributeErrors:
for each (attribute names, misspelt name) the candidate list (dir of an object holding exactly
those attributes) and what python3 suggests (or null). 3.11 computes suggestions only when the
interpreter prints an uncaught exception (not in the traceback module), so each case runs as its
own python3 process.

Run: python3 lib/python/runtime/golden/suggestions.gen.py  (writes suggestions.golden.json)
"""
import json, os, random, subprocess, sys

WORDS = ["tile_size", "num_tiles", "shape", "reshape", "dtype", "astype", "partition", "free_size", "psum", "sbuf",
         "matmul", "transpose", "result", "Result", "RESULT", "input_tensor", "output", "outputs", "scale", "scales",
         "x", "xs", "ab", "ba", "tile", "Tile", "a" * 45, "a" * 44 + "b", "lenght", "length", "values", "value"]


def typo(rng, w):
    kind = rng.randrange(6)
    i = rng.randrange(len(w))
    if kind == 0:
        return w[:i] + w[i + 1:]
    if kind == 1:
        return w[:i] + rng.choice("abcxyz_") + w[i:]
    if kind == 2 and len(w) > 1:
        j = min(i + 1, len(w) - 1)
        return w[:i] + w[j] + w[i] + w[j + 1:] if j != i else w + "s"
    if kind == 3:
        return w.swapcase()
    if kind == 4:
        return w[:i] + rng.choice("QZk") + w[i + 1:]
    return w + w[:2]


def main():
    rng = random.Random(11)
    cases = []
    for _ in range(300):
        attrs = rng.sample(WORDS, rng.randrange(1, 8))
        name = typo(rng, rng.choice(attrs))
        if not name.isidentifier():
            continue
        obj = type("C", (), {a: 1 for a in attrs})()
        if hasattr(obj, name):
            continue
        program = f"C = type('C', (), {{a: 1 for a in {attrs!r}}})\nC().{name}\n"
        run = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True)
        last = run.stderr.rstrip("\n").split("\n")[-1]
        marker = ". Did you mean: '"
        suggestion = last[last.index(marker) + len(marker):-2] if marker in last else None
        cases.append({"name": name, "candidates": sorted(dir(obj)), "suggestion": suggestion})
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "suggestions.golden.json")
    with open(path, "w") as f:
        json.dump(cases, f, separators=(",", ":"))
        f.write("\n")
    print(len(cases), "cases,", sum(c["suggestion"] is not None for c in cases), "with a suggestion")


main()
