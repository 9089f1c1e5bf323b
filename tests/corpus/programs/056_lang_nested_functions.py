# Nested functions, functions as values, recursion through inner functions
def outer(n):
    def helper(k):
        return k * k
    def rec(k):
        return 0 if k == 0 else helper(k) + rec(k - 1)
    return rec(n)
print(outer(4))
def apply_all(fns, x):
    return [fn(x) for fn in fns]
print(apply_all([abs, str, lambda v: v * 2], -3))
def counter_factory():
    counts = {}
    def count(word):
        counts[word] = counts.get(word, 0) + 1
        return counts
    return count
c = counter_factory()
c("a")
c("b")
print(c("a"))
funcs = {"sq": lambda x: x * x, "neg": lambda x: -x}
print({k: v(5) for k, v in funcs.items()})
def make_pipeline(*stages):
    def run(x):
        for s in stages:
            x = s(x)
        return x
    return run
print(make_pipeline(lambda x: x + 1, lambda x: x * 10, str)(4))
