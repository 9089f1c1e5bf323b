import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runSource } from "../index";

type Case = { template: string; result: string } | { template: string; error: string; message: string };
const cases = JSON.parse(readFileSync(new URL("./golden/format-fields.golden.json", import.meta.url), "utf8")) as Case[];

// JSON string literals are valid Python string literals for these templates.
const program = `
templates = [${cases.map((c) => JSON.stringify(c.template)).join(", ")}]
args = ({"a:b": "colon-key", "x!y": "bang-key", 1: "one"}, 5, "<", 8)
for t in templates:
    try:
        print("ok", t.format(*args, a=1), sep="\\t")
    except Exception as e:
        print("error", type(e).__name__, e, sep="\\t")
`;

describe("str.format replacement fields match CPython 3.11", () => {
  it(`parses, converts and rejects ${cases.length} templates with CPython's results and messages`, () => {
    let out = "";
    const r = runSource(program, { filename: "prog.py", stdout: (t) => (out += t), stderr: (t) => (out += t) });
    expect(r.exitCode, out).toBe(0);
    const expected = cases.map((c) => ("result" in c ? `ok\t${c.result}` : `error\t${c.error}\t${c.message}`));
    const got = out.trimEnd().split("\n");
    expect(got.map((line, i) => `${cases[i]?.template} -> ${line}`)).toEqual(expected.map((line, i) => `${cases[i].template} -> ${line}`));
  });
});
