# expect: error
# Exceptions raised from __repr__/__str__/__format__ propagate as Python errors.
class Bad:
    def __repr__(self):
        raise ValueError("repr failed")
    def __format__(self, spec):
        raise KeyError(spec)
print(f"{Bad():>10}")
