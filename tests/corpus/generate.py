"""Generates the golden files of the differential corpus from CPython 3.11 + numpy.

    python3 tests/corpus/generate.py            # all programs
    python3 tests/corpus/generate.py 042 117    # only programs whose name starts with these prefixes

For every tests/corpus/programs/NNN_area_topic.py it writes NNN_area_topic.expected.json:
    {"stdout": ..., "exitCode": 0|1, "error": {"type", "message", "line", "frames"?} | null, "tolerance"?: float}
`error` is parsed from CPython's traceback on stderr exactly as corpus.test.ts parses Kernel Lab's:
the exception text of the last traceback block, the line of its innermost frame in the program, and the
program's frames in that block as [line, function name] pairs.

Programs use numpy types CPython's numpy lacks (np.bfloat16, np.float8_*). For those, an oracle
tests/corpus/oracles/NNN_area_topic.py with the same name runs instead: it prints what the program must
print, computing the narrow-float values with the exact round-to-nearest-even written in
oracles/narrow_floats.py from the IEEE definitions (ml_dtypes is not installed here).

A program may declare `# corpus: tolerance=1e-6` in its first lines: numbers in its output then compare
with that relative tolerance (numpy's float32 transcendentals may differ from ours in the last bit).
"""
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
PROGRAMS = os.path.join(HERE, "programs")
ORACLES = os.path.join(HERE, "oracles")
NAME = re.compile(r"^\d{3}_[a-z0-9]+_[a-z0-9_]+\.py$")
HEADER = re.compile(r"^([A-Za-z_][\w.]*)(?:: (.*))?$")
FRAME = re.compile(r'^  File "([^"]*)", line (\d+)(?:, in (.+))?$')

ENV = {
    "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
    "PYTHONHASHSEED": "0",
    "PYTHONIOENCODING": "utf-8",
    "PYTHONDONTWRITEBYTECODE": "1",
    "LC_ALL": "C.UTF-8",
    "OPENBLAS_NUM_THREADS": "1",
    "OMP_NUM_THREADS": "1",
}


def parse_error(stderr, filename):
    """The final exception of a CPython traceback: type, message (may span lines), and the line of the
    innermost frame in the program itself (library frames, e.g. numpy's, have no Kernel Lab equivalent)."""
    lines = stderr.rstrip("\n").split("\n")
    start = 0
    for i, line in enumerate(lines):
        if line == "Traceback (most recent call last):":
            start = i + 1
    line_no = None
    frames = []
    i = start
    while i < len(lines) and (lines[i].startswith(" ") or lines[i] == ""):
        m = FRAME.match(lines[i])
        if m and os.path.basename(m.group(1)) == filename:
            line_no = int(m.group(2))
            if m.group(3):
                frames.append([line_no, m.group(3)])
        i += 1
    if i >= len(lines):
        return None
    m = HEADER.match(lines[i])
    if not m:
        return None
    message = "\n".join([m.group(2) or ""] + lines[i + 1:])
    error = {"type": m.group(1), "message": message, "line": line_no}
    # The program's own frames, outermost first, as (line, function). Left out when CPython folded
    # repeated frames ("[Previous line repeated 996 more times]"), which Kernel Lab need not imitate.
    if "Previous line repeated" not in stderr:
        error["frames"] = frames
    return error


def tolerance_of(source):
    for line in source.split("\n")[:5]:
        m = re.match(r"#\s*corpus:\s*tolerance=([0-9.eE+-]+)", line)
        if m:
            return float(m.group(1))
    return None


def generate(name):
    path = os.path.join(PROGRAMS, name)
    with open(path) as f:
        source = f.read()
    n_lines = source.count("\n")
    if not 10 <= n_lines <= 60:
        sys.exit(f"{name}: {n_lines} lines; corpus programs must have 10-60 lines")
    oracle = os.path.join(ORACLES, name)
    run_path, cwd = (oracle, ORACLES) if os.path.exists(oracle) else (name, PROGRAMS)
    proc = subprocess.run([sys.executable, "-X", "utf8", os.path.basename(run_path)], cwd=cwd, env=ENV,
                          capture_output=True, text=True, timeout=120)
    if proc.returncode not in (0, 1):
        sys.exit(f"{name}: exit status {proc.returncode}\n{proc.stderr}")
    error = parse_error(proc.stderr, os.path.basename(run_path)) if proc.returncode == 1 else None
    if proc.returncode == 1 and error is None:
        sys.exit(f"{name}: exit status 1 but no traceback on stderr\n{proc.stderr}")
    expected = {"stdout": proc.stdout, "exitCode": proc.returncode, "error": error}
    tol = tolerance_of(source)
    if tol is not None:
        expected["tolerance"] = tol
    with open(os.path.join(PROGRAMS, name[:-3] + ".expected.json"), "w") as f:
        json.dump(expected, f, indent=1, ensure_ascii=False)
        f.write("\n")
    return expected


def main():
    assert sys.version_info[:2] == (3, 11), "goldens must come from CPython 3.11"
    prefixes = sys.argv[1:]
    names = sorted(n for n in os.listdir(PROGRAMS) if n.endswith(".py"))
    bad = [n for n in names if not NAME.match(n)]
    if bad:
        sys.exit(f"badly named programs: {bad}")
    numbers = [n[:3] for n in names]
    dupes = sorted({x for x in numbers if numbers.count(x) > 1})
    if dupes:
        sys.exit(f"duplicate program numbers: {dupes}")
    for name in names:
        if prefixes and not any(name.startswith(p) for p in prefixes):
            continue
        exp = generate(name)
        status = "ok" if exp["exitCode"] == 0 else f"{exp['error']['type']} (line {exp['error']['line']})"
        print(f"{name}: {status}")


main()
