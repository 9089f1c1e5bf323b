# expect: error RecursionError
# Unbounded recursion stops at the recursion limit, not with a JavaScript stack overflow.
def down(n):
    return down(n + 1) + 1
down(0)
