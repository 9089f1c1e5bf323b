import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runSource } from "../../index";

interface Golden {
  hypot: { args: string[]; result: string }[];
  dist: { p: string[]; q: string[]; result: string }[];
}
const golden = JSON.parse(readFileSync(new URL("../golden/hypot.golden.json", import.meta.url), "utf8")) as Golden;

/** Runs `source` and returns its stdout lines (floats travel as float.hex() strings both ways). */
function printed(source: string): string[] {
  let out = "";
  const r = runSource(source, { filename: "prog.py", stdout: (t) => (out += t), stderr: (t) => (out += t) });
  expect(r.exitCode, out).toBe(0);
  return out.trimEnd().split("\n");
}

const floats = (xs: string[]): string => `[${xs.map((x) => `float.fromhex('${x}')`).join(", ")}]`;

describe("math.hypot and math.dist match CPython 3.11 bit for bit", () => {
  it(`hypot on ${golden.hypot.length} vectors (subnormal, huge, inf and nan components)`, () => {
    const src = "import math\n" + golden.hypot.map((c) => `print(math.hypot(*${floats(c.args)}).hex())`).join("\n");
    expect(printed(src)).toEqual(golden.hypot.map((c) => c.result));
  });

  it(`dist on ${golden.dist.length} point pairs`, () => {
    const src = "import math\n" + golden.dist.map((c) => `print(math.dist(${floats(c.p)}, ${floats(c.q)}).hex())`).join("\n");
    expect(printed(src)).toEqual(golden.dist.map((c) => c.result));
  });
});
