# expect: error
# sys.exit, sys.setrecursionlimit and sys.settrace are not part of the sandbox's sys.
import sys
sys.setrecursionlimit(10 ** 9)
def down(n):
    return down(n + 1)
down(0)
