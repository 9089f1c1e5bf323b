"""Generator: signature and docstring of every builtin, standard-library and numpy callable Kernel
Lab offers (names.json), taken from the real CPython and numpy on this machine, for inspect_request
(the `np.zeros?` help).

Run: python3 lib/kernel/api-docs/python-docs.gen.py  (after names.gen.ts)
"""
import importlib
import inspect
import json
import os
import re
import sys

import numpy

HERE = os.path.dirname(os.path.abspath(__file__))
MAX_DOC = 2000
SECTION_END = re.compile(r"\n(Examples|See Also|Notes|References)\n-{3,}\n")


def resolve(dotted):
    parts = dotted.split(".")
    for i in range(len(parts), 0, -1):
        try:
            obj = importlib.import_module(".".join(parts[:i]))
        except ImportError:
            continue
        for p in parts[i:]:
            obj = getattr(obj, p)
        return obj
    raise LookupError(dotted)


# Default values' reprs carry object addresses that change on every run.
ADDRESS = re.compile(r" at 0x[0-9a-f]+")


def signature(obj):
    try:
        return ADDRESS.sub("", str(inspect.signature(obj)))
    except (TypeError, ValueError):
        return None


def doc(obj, name):
    text = inspect.cleandoc(obj.__doc__ or "")
    # C functions repeat their signature(s) as the first lines; the signature is reported separately.
    lines = text.split("\n")
    while lines and re.match(r"^(a\.)?" + re.escape(name) + r"\(", lines[0]):
        lines.pop(0)
        while lines and lines[0].startswith((" ", "--")):
            lines.pop(0)
    text = "\n".join(lines).strip()
    m = SECTION_END.search("\n" + text + "\n")
    if m:
        text = text[: m.start()].strip()
    if len(text) > MAX_DOC:
        text = text[:MAX_DOC].rsplit("\n", 1)[0] + "\n..."
    return text


def main():
    with open(os.path.join(HERE, "names.json")) as f:
        names = json.load(f)
    out = {}
    for dotted in names:
        try:
            obj = resolve(dotted)
        except (LookupError, AttributeError):
            continue
        short = dotted.rsplit(".", 1)[1]
        entry = {"doc": doc(obj, short)}
        sig = signature(obj)
        if sig is not None:
            entry["signature"] = sig
        out[dotted] = entry
    out["$version"] = {"doc": "CPython %d.%d, numpy %s" % (sys.version_info[0], sys.version_info[1], numpy.__version__)}
    with open(os.path.join(HERE, "python-docs.json"), "w") as f:
        json.dump(out, f, indent=0, sort_keys=True)
        f.write("\n")


main()
