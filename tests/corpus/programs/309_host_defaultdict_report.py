# Report bookkeeping with defaultdict(dict), nested keys and progress printing with end=/flush=
from collections import defaultdict
import time

cases = {"small": (128, 64), "medium": (256, 128), "large": (512, 512)}
report = defaultdict(dict)
for case in cases.keys():
    rows, cols = cases[case]
    print(f"Running correctness test {case} -- ", end="", flush=True)
    st = time.time()
    ok = (rows * cols) % 3 != 1
    et = time.time()
    report[case]["gen_data"] = et - st >= 0
    report[case]["correct"] = ok
    report[case]["elements"] = rows * cols
    print("Passed!" if ok else "Failed")
print(dict(report)["small"], len(report), "missing" in report)
counts = defaultdict(int)
for case, data in report.items():
    counts[data["correct"]] += 1
print(sorted(counts.items()), counts[None], dict(counts))
groups = defaultdict(list)
for name, (r, c) in cases.items():
    groups[r >= c].append(name)
print(groups[True], groups[False], type(groups).__name__)
total = sum(d["elements"] for d in report.values())
print(f"{total:,} elements in {len(report)} cases; correct: {[k for k, v in report.items() if v['correct']]}")
