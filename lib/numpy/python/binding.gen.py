"""Golden generator for binding.test.ts: runs every programs/*.py with python3 + numpy and records
stdout and the final line of any uncaught exception (tracebacks differ in their frames).

Run: python3 lib/numpy/python/binding.gen.py
"""
import glob
import json
import os
import subprocess

here = os.path.dirname(os.path.abspath(__file__))
for path in sorted(glob.glob(os.path.join(here, "programs", "*.py"))):
    r = subprocess.run(["python3", path], capture_output=True, text=True, env={**os.environ, "PYTHONHASHSEED": "0"})
    err_lines = [l for l in r.stderr.splitlines() if l.strip()]
    last = ""
    if r.returncode != 0:
        # The exception line is the first line after the last frame's source line.
        for i, line in enumerate(r.stderr.splitlines()):
            if line and not line.startswith(" ") and not line.startswith("Traceback"):
                last = "\n".join(r.stderr.splitlines()[i:]).rstrip("\n")
                break
    with open(path[:-3] + ".expected.json", "w") as f:
        json.dump({"stdout": r.stdout, "error": last, "exitCode": r.returncode}, f, indent=1)
    print(os.path.basename(path), r.returncode)
