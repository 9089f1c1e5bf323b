# expect: any
# JSON object keys named like JavaScript prototype slots are ordinary dict keys: nothing leaks into other
# dicts, and no JavaScript object comes back.
import json
d = json.loads('{"__proto__": {"polluted": 1}, "constructor": {"prototype": 2}, "toString": 3}')
print(sorted(d), d["__proto__"], d["constructor"])
print({}.get("polluted"), {}.get("toString"), hasattr({}, "polluted"))
print(json.dumps(d, sort_keys=True))
if {}.get("polluted") is not None:
    print("ESCAPED")
