# expect: error RecursionError
# Mutual recursion through methods and lambdas.
class A:
    def ping(self, n):
        return pong(self, n + 1)
pong = lambda obj, n: obj.ping(n)
A().ping(0)
