# expect: error
# Building dunder names at run time so no static check can see them.
cls = getattr((), "__cl" + "ass__")
bases = getattr(cls, "__ba" + "ses__")
subs = getattr(bases[0], "__subcl" + "asses__")()
print("ESCAPED", [c for c in subs if c.__name__ == "_wrap_close"][0])
