# Dict plumbing from benchmark scripts: dict(meta, k=v), ** merges, |, zip to dict, next() with default
meta = {"d": 128, "seqlen_kv": 2048, "dtype": "float32"}
row = dict(meta, nbytes=4096, latency_us=12.5)
print(row)
merged = {**meta, "seqlen_kv": 512, **{"extra": True}}
print(merged, meta["seqlen_kv"])
union = meta | {"d": 64}
meta |= {"lnc": 1}
print(union, meta)
names = ["q", "k", "v"]
args = [(128, 1), (128, 2048), (128, 2048)]
inputs = dict(zip(names, args))
print(inputs, list(inputs), list(inputs.values())[-1])
peak = {"trn1": 410e9, "trn2": 2.9e12}
target = "TRN2"
match = next((v for k, v in peak.items() if str(k).lower() == target.lower()), None)
missing = next((v for k, v in peak.items() if k == "inf2"), None)
print(match, missing)
class Result:
    latency = None
    outputs = {"out": [1, 2]}
res = Result()
latency = getattr(res, "latency", None) or 0.0
std = getattr(res, "latency_std", None) or 0.0
print(latency, std, getattr(res, "outputs", None) or {}, hasattr(res, "latency"))
def describe(**kwargs):
    return ", ".join(f"{k}={v!r}" for k, v in sorted(kwargs.items()))
print(describe(**row))
print(row.pop("latency_us"), row.setdefault("nbytes", 0), row.setdefault("new", []), len(row))
print({k: v for k, v in row.items() if isinstance(v, int)}, dict.fromkeys(names, 0))
