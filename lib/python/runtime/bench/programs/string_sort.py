words = [f"tile_{(i * 7919) % 100_003:06d}" for i in range(100_000)]
names = ["psum", "sbuf", "hbm", "dma", "engine", "tensor", "vector", "gpsimd"] * 5_000
ordered = sorted(words)
by_tail = sorted(words, key=lambda w: w[-3:])
names.sort()
lowest = min(words)
highest = max(words)
count = 0
for i in range(1, len(words)):
    if words[i - 1] < words[i]:
        count += 1
    if words[i] >= "tile_050000":
        count += 1
print(ordered[:3], by_tail[:2], names[0], names[-1], lowest, highest, count)
