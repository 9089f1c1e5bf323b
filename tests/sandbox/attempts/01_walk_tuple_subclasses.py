# expect: error
# The classic CPython escape: from a tuple to object's subclasses to os via a module's globals.
subclasses = ().__class__.__bases__[0].__subclasses__()
target = [c for c in subclasses if c.__name__ in ("_wrap_close", "Popen", "BuiltinImporter")][0]
os_module = target.__init__.__globals__["sys"].modules["os"]
print("ESCAPED", os_module.listdir("/"))
