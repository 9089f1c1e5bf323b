# Uncaught error raised in a lambda called by a builtin (map/sorted): frames <module> then <lambda>
records = [{"n": 3}, {"n": 1}, {"m": 2}]
by_n = lambda r: r["n"]
print(sorted(records[:2], key=by_n))
total = sum(map(lambda r: r.get("n", 0), records))
print(total)
print([by_n(r) for r in records[:2]])
print(len(records))
ordered = sorted(records, key=by_n)
print(ordered)
