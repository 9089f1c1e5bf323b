counts = {}
words = ["tile", "psum", "sbuf", "hbm", "dma", "engine", "tensor", "vector"]
for i in range(300_000):
    w = words[i % 8]
    counts[w] = counts.get(w, 0) + 1
data = [i * 3 % 1000 for i in range(200_000)]
data.sort()
squares = [x * x for x in data if x % 2 == 0]
print(len(counts), sum(squares), data[:5])
