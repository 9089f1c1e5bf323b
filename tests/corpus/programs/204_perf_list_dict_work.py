# List/dict-heavy workload: matrix as lists, grouping, sorting records
n = 30
A = [[(i * j) % 7 for j in range(n)] for i in range(n)]
B = [[(i + j) % 5 for j in range(n)] for i in range(n)]
C = [[sum(A[i][k] * B[k][j] for k in range(n)) for j in range(n)] for i in range(n)]
print(C[0][:5], C[n - 1][-3:], sum(map(sum, C)))
records = [{"id": i, "group": "abc"[i % 3], "score": (i * 37) % 101} for i in range(60)]
by_group = {}
for r in records:
    by_group.setdefault(r["group"], []).append(r["score"])
for g, scores in sorted(by_group.items()):
    print(g, len(scores), max(scores), sum(scores) / len(scores))
best = sorted(records, key=lambda r: (-r["score"], r["id"]))[:3]
print([(r["id"], r["score"]) for r in best])
inverted = {}
for r in records:
    inverted.setdefault(r["score"] % 10, set()).add(r["group"])
print({k: sorted(v) for k, v in sorted(inverted.items())})
