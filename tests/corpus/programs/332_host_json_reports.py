# JSON reports as harnesses write them: dumps with indent/sort_keys/separators/default, dump to stdout, loads and its errors
import json, sys
report = {"small": {"correct": True, "exec_time": 0.125, "max_diff": None}, "large": {"correct": False, "exec_time": 1.5e-05, "tags": ["a", "é"]}}
print(json.dumps(report))
print(json.dumps(report, indent=4))
print(json.dumps(report, indent=2, sort_keys=True, ensure_ascii=False))
print(json.dumps([1, 2.0, 10**20, -0.0, float("nan"), float("inf"), "tab\there", "😀", (1, 2), {}, []], separators=(",", ":")))
print(json.dumps({1: "a", 2.5: "b", True: "c", None: "d"}), json.dumps("q\"\\\n\x01"), json.dumps({"k": []}, indent=0))
json.dump({"a": [1, {"b": None}]}, sys.stdout, indent="\t")
print()
print(json.loads('{"a": [1, 2.5, -3e2, true, false, null, "x\\u00e9\\n"], "b": {}, "c": 12345678901234567890}'))
print(json.loads("[NaN, Infinity, -Infinity, 1.0, 0]"), json.loads(' "s" '), json.loads("3"), type(json.loads("3.0")).__name__)
for bad in ["", "[1, 2", '{"a" 1}', "[1,]", '{"a": 1} x', "{'a': 1}", '"abc', "tru"]:
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print(type(e).__name__, e, isinstance(e, ValueError))
for bad in [{(1, 2): 3}, {"s": {1, 2}}, [float("nan")]]:
    try:
        print(json.dumps(bad, allow_nan=False))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(json.dumps({"s": {1, 2}}, default=sorted), json.dumps(report, sort_keys=True)[:40])
cfg = json.loads(json.dumps({"M": 128, "dtypes": ["float32", "bfloat16"], "tol": 1e-3}))
print(cfg["M"] * 2, cfg["dtypes"][1].upper(), cfg["tol"] * 10, cfg == {"M": 128, "dtypes": ["float32", "bfloat16"], "tol": 0.001})
