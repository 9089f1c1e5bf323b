import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runSource } from "../index";
import { parseFloatHex } from "./float-fromhex";
import { PyBaseException } from "./objects";

type Case = { input: string; bits: string } | { input: string; error: string; message: string };
const cases = JSON.parse(readFileSync(new URL("./golden/fromhex.golden.json", import.meta.url), "utf8")) as Case[];

function bitsOf(x: number): string {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  return view.getBigUint64(0).toString(16).padStart(16, "0");
}

function outcome(input: string): Case {
  try {
    return { input, bits: bitsOf(parseFloatHex(input)) };
  } catch (e) {
    if (!(e instanceof PyBaseException)) throw e;
    return { input, error: e.cls.name, message: String(e.args[0]) };
  }
}

describe("float.fromhex matches CPython 3.11", () => {
  it(`rounds, over- and underflows and rejects malformed strings exactly as CPython on ${cases.length} inputs`, () => {
    const wrong = cases.filter((c) => JSON.stringify(outcome(c.input)) !== JSON.stringify(c));
    expect(wrong.map((c) => ({ expected: c, got: outcome(c.input) }))).toEqual([]);
  });

  it("is a classmethod of float that round-trips float.hex", () => {
    let out = "";
    const r = runSource("x = 0.1\nprint(float.fromhex(x.hex()) == x, (2.5).fromhex('0x1p-2'), float.fromhex(' -0X1.8P+1 '))", {
      filename: "prog.py",
      stdout: (t) => (out += t),
      stderr: (t) => (out += t),
    });
    expect(r.exitCode).toBe(0);
    expect(out).toBe("True 0.25 -3.0\n");
  });
});
