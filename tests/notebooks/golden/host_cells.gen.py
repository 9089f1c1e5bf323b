"""Expected printed output of the tutorial cells that plain CPython + numpy can run.

For every notebook in notebooks/ whose code cells never import NKI, runs the code cells in order in one
namespace with CPython and numpy and records each cell's stdout by cell id in golden/host_cells.json.
notebooks.test.ts checks `kernel-lab exec` prints the same.

Run from the project root: python3 tests/notebooks/golden/host_cells.gen.py
"""
import contextlib
import io
import json
import pathlib

ROOT = pathlib.Path(__file__).resolve().parents[3]
OUT = pathlib.Path(__file__).resolve().parent / "host_cells.json"


def source(cell):
    s = cell["source"]
    return s if isinstance(s, str) else "".join(s)


def uses_nki(text):
    return any(word in text for word in ("neuronxcc", "import nki", "kernel_lab", "%target"))


def main():
    golden = {}
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        nb = json.loads(path.read_text())
        cells = [c for c in nb["cells"] if c["cell_type"] == "code" and source(c).strip()]
        if not cells or any(uses_nki(source(c)) for c in cells):
            continue
        namespace = {"__name__": "__main__"}
        outputs = {}
        for c in cells:
            buffer = io.StringIO()
            with contextlib.redirect_stdout(buffer):
                exec(compile(source(c), c["id"], "exec"), namespace)
            outputs[c["id"]] = buffer.getvalue()
        golden[path.name] = outputs
    OUT.write_text(json.dumps(golden, indent=1, sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
