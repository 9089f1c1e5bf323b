"""Golden outputs for `kernel-lab exec`: executes fixtures/outputs.ipynb with nbclient on CPython's
own IPython kernel and writes what nbclient records, in nbformat's on-disk form, to
golden/outputs.nbclient.ipynb.

Needs Debian's packages: apt-get install --no-install-recommends python3-nbclient python3-ipykernel
Run from the project root: /usr/bin/python3 tests/cli/golden/nbclient_outputs.gen.py
(it also rewrites the fixture notebook, so the two always match).

Not compared this way: stdout/stderr interleaving, which IPython buffers per stream (out, out, err
prints come back as out+out, err) while Kernel Lab emits in program order.
"""
import json
import pathlib

import nbformat
from nbclient import NotebookClient

HERE = pathlib.Path(__file__).resolve().parent
FIXTURE = HERE.parent / "fixtures" / "outputs.ipynb"
GOLDEN = HERE / "outputs.nbclient.ipynb"

# Kernel Lab's engine has display/update_display/clear_output as builtins; IPython has display only.
IPYTHON_DISPLAY = """try:
    from IPython.display import clear_output, update_display
except ImportError:
    pass
"""


def code(cell_id, source, tags=()):
    return {"cell_type": "code", "id": cell_id, "metadata": {"tags": list(tags)} if tags else {},
            "execution_count": None, "outputs": [], "source": source}


def md(cell_id, source):
    return {"cell_type": "markdown", "id": cell_id, "metadata": {}, "source": source}


CELLS = [
    md("intro", "# Output recording fixture\n"),
    code("imports", IPYTHON_DISPLAY),
    code("streams-merge", 'print("a")\nprint("b", end="")\nprint("c")\n'),
    code("result", "x = 6 * 7\nx\n"),
    code("none-result", "y = None\ny\n"),
    code("rich", 'class Card:\n    def __init__(self, title):\n        self.title = title\n\n'
                 '    def __repr__(self):\n        return f"Card({self.title!r})"\n\n'
                 '    def _repr_html_(self):\n        return f"<b>{self.title}</b>"\n\n'
                 '    def _repr_markdown_(self):\n        return f"**{self.title}**"\n\n\n'
                 'display(Card("one"))\nCard("two")\n'),
    code("mimebundle", 'class Data:\n    def _repr_mimebundle_(self, include=None, exclude=None):\n'
                       '        return {"application/json": {"k": [1, 2], "s": "t"}, "text/plain": "Data()"}\n\n\n'
                       'display(Data())\n'),
    code("display-id", 'display("first", display_id="d1")\nprint("between")\n'),
    code("update-display", 'update_display("second", display_id="d1")\nprint("updated")\n'),
    code("clear-wait", 'print("gone")\nclear_output(wait=True)\nprint("kept")\n'),
    code("clear-now", 'print("gone too")\nclear_output()\n'),
    code("blank", "\n"),
    code("skipped", 'print("never")\n', tags=["skip-execution"]),
    code("expected-error", 'print("before")\n{}["missing"]\n', tags=["raises-exception"]),
    code("after-error", 'print("after", x)\n'),
]


def main():
    nb = nbformat.from_dict({
        "nbformat": 4, "nbformat_minor": 5,
        "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
                     "kernel_lab": {"target": "trn2"}},
        "cells": CELLS,
    })
    FIXTURE.write_text(json.dumps(nb, indent=1) + "\n")
    client = NotebookClient(nbformat.from_dict(json.loads(FIXTURE.read_text())), kernel_name="python3",
                            record_timing=False, timeout=60)
    executed = client.execute()
    nbformat.validate(executed)
    # nbclient fills language_info from the kernel; keep only what the fixture had.
    executed.metadata = nb.metadata
    GOLDEN.write_text(nbformat.writes(executed) + "\n")


if __name__ == "__main__":
    main()
