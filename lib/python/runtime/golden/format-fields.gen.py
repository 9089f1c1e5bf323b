"""Golden results of str.format on well- and malformed replacement fields (CPython 3.11):
python3 lib/python/runtime/golden/format-fields.gen.py"""
import json
import os

TEMPLATES = [
    "{0:{1}}", "{:}{1}", "{0.}", "{0[}", "{!x}", "{0!}", "{:{:{}}}", "{a.b.c}", "{!}", "{0!r", "{0!rr}",
    "{!r:{!}}", "{:{!r}}", "{0[}]}", "{:{:}}", "{0:{1:{2}}}", "{", "}", "a{", "a}b", "{{}}", "{{{0}}}",
    "{0!r:>{1}}", "{0[a:b]}", "{0[1]!r}", "{0[x!y]}", "{!r}", "{0!s:}", "{0!a}", "{0!\u00e9}", "{0!\x01}",
    "{0:{", "{0:{}", "{0:}}", "{0:{}}}", "{0{}", "{0[}x", "{[}", "{0]}", "{0.a[}", "{0:{1}{2}}",
    "{0!r:{1!s}}", "{9!x}", "{0.real!x}", "{0:x{", "{0.__class__}", "{ }", "{0 }", "{-1}",
]
ARGS = ({"a:b": "colon-key", "x!y": "bang-key", 1: "one"}, 5, "<", 8)


def attempt(t):
    try:
        return {"template": t, "result": t.format(*ARGS, a=1)}
    except Exception as e:
        return {"template": t, "error": type(e).__name__, "message": str(e)}


with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "format-fields.golden.json"), "w") as f:
    json.dump([attempt(t) for t in TEMPLATES], f, indent=0, ensure_ascii=False)
    f.write("\n")
