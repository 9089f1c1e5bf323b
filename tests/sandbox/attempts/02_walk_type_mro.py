# expect: error
# type(x).__mro__ to object, then object.__subclasses__()
base = type(1).__mro__[-1]
found = base.__subclasses__()
loader = [c for c in found if "Loader" in c.__name__][0]
print("ESCAPED", loader.load_module("os").system("id"))
