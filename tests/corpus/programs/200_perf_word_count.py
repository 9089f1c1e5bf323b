# Pure-Python workload: word frequencies with dicts, sorting and formatting
text = """the kernel loads a tile from hbm into sbuf then the tensor engine multiplies the tile
and the vector engine adds the bias while the scalar engine applies the activation to the tile
results accumulate in psum and the kernel stores the tile back to hbm when the loop ends"""
counts = {}
for line in text.splitlines():
    for word in line.split():
        counts[word] = counts.get(word, 0) + 1
top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
for word, n in top[:8]:
    print(f"{word:<8}{n:>3} {'#' * n}")
print(len(counts), sum(counts.values()))
lengths = {}
for w in counts:
    lengths.setdefault(len(w), []).append(w)
print({k: sorted(v) for k, v in sorted(lengths.items()) if k > 6})
