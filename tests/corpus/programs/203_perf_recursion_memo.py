# Recursion-heavy workload: memoised DP and permutations
def lcs(a, b):
    memo = {}
    def go(i, j):
        if i == len(a) or j == len(b):
            return 0
        key = (i, j)
        if key not in memo:
            if a[i] == b[j]:
                memo[key] = 1 + go(i + 1, j + 1)
            else:
                memo[key] = max(go(i + 1, j), go(i, j + 1))
        return memo[key]
    return go(0, 0)
print(lcs("nki kernel programming", "neuron kernel interface"))
def perms(items):
    if len(items) <= 1:
        return [items]
    out = []
    for i, x in enumerate(items):
        for rest in perms(items[:i] + items[i + 1:]):
            out.append([x] + rest)
    return out
p = perms([1, 2, 3, 4, 5])
print(len(p), p[:3], p[-1])
def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))
print(ackermann(2, 3))
