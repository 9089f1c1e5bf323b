"""Error outputs exactly as IPython 8 sends them (ANSI-coloured `traceback` lists, "Cell In[N], line L"
frames), with the expected failing line taken from Python's own traceback objects: the deepest frame
in the cell that was executing. Regenerate with:

    python3 tests/unit/outputs/ipython-tracebacks.gen.py
"""
import json
import os
import traceback

from IPython.core.interactiveshell import InteractiveShell

CELLS = [
    ("zero division in the cell", "x = 1\ny = 0\nx / y"),
    ("function defined in an earlier cell", "helper(0)"),
    ("function defined and called in the same cell", "def inner(n):\n    m = n + 1\n    return 1 / (n - n)\n\nvalue = 3\ninner(value)"),
    ("raise on line 4", "import math\n\nvals = [1, 2]\nraise ValueError('bad ' + str(len(vals)))"),
    ("syntax error", "a = 1\nb = (2,\n"),
    ("name error", "y = 2\nundefined_name + 1"),
]

SETUP = "def helper(n):\n    return 10 / n\n"


class Capturing(InteractiveShell):
    def __init__(self, **kw):
        super().__init__(**kw)
        self.captured = None

    def _showtraceback(self, etype, evalue, stb):
        self.captured = {"output_type": "error", "ename": etype.__name__, "evalue": str(evalue), "traceback": stb}


def expected_line(shell, exc, cell_file):
    if isinstance(exc, SyntaxError):
        return exc.lineno
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename == cell_file]
    return frames[-1].lineno if frames else None


def main():
    shell = Capturing.instance(colors="Neutral")
    shell.run_cell(SETUP, store_history=True)
    cases = []
    for name, code in CELLS:
        shell.captured = None
        count = shell.execution_count
        result = shell.run_cell(code, store_history=True)
        exc = result.error_in_exec or result.error_before_exec
        # The executing cell is the outermost frame that is not IPython's own (cells have "<…>" names).
        user = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename.startswith("<")] if exc.__traceback__ else []
        cell_file = user[0].filename if user else None
        cases.append({"name": name, "code": code, "executionCount": count, "output": shell.captured, "expectedLine": expected_line(shell, exc, cell_file)})
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "ipython-tracebacks.golden.json")
    with open(out, "w") as f:
        json.dump({"ipython": __import__("IPython").__version__, "cases": cases}, f, indent=1)
        f.write("\n")
    print(f"wrote {out}")


main()
