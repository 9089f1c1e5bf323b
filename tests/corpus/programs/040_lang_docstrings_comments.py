"""Module docstring: should not be printed."""
# A comment line
def documented(x):
    """Return twice x.

    Longer explanation.
    """
    # comment inside function
    return 2 * x  # trailing comment
class K:
    """Class docstring."""
    def m(self):
        '''Method docstring.'''
        return "m"
print(documented(21))
print(documented.__doc__.splitlines()[0])
print(K.__doc__, K().m.__doc__)
x = 1  # comment
# print("commented out")
print(K().m())
