# expect: error MemoryError|TimeoutError
# A frozenset filled from an endless generator: the wall clock must stop it.
import itertools
s = frozenset(i * 2 for i in itertools.count())
print("ESCAPED", len(s))
