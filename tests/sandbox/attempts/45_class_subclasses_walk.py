# expect: error
# A user class's base and its subclasses.
class Mine:
    pass
base = Mine.__base__
subs = base.__subclasses__()
print("ESCAPED", [c for c in subs if c.__name__ == "catch_warnings"][0]()._module.__builtins__)
