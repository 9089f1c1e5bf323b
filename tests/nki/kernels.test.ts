import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { arrayValue, decodeF32, genInput, ok, session, setArray } from "./harness";

interface Golden {
  name: string;
  file: string;
  call: string;
  inputs: Record<string, { shape: number[]; seed: number; lo: number; hi: number; quantum: number; check: string }>;
  expected: { shape: number[]; float32: string }[];
  tol: number;
}

const CASES = JSON.parse(readFileSync(join(__dirname, "kernels.golden.json"), "utf8")) as Golden[];

describe("tutorial-style kernels match numpy", () => {
  it("rebuilds the generator's inputs bit-exactly", () => {
    for (const c of CASES) {
      for (const inp of Object.values(c.inputs)) {
        expect(Array.from(genInput(inp.seed, inp.shape, inp.lo, inp.hi, inp.quantum).subarray(0, 8))).toEqual(Array.from(decodeF32(inp.check)));
      }
    }
  });

  for (const c of CASES) {
    it(c.name, () => {
      const { s } = session();
      ok(s.execute(readFileSync(join(__dirname, c.file), "utf8"), { cellName: c.file }));
      for (const [name, inp] of Object.entries(c.inputs)) setArray(s, name, inp.shape, genInput(inp.seed, inp.shape, inp.lo, inp.hi, inp.quantum));
      ok(s.execute(`out = ${c.call}\nouts = out if isinstance(out, tuple) else (out,)\nn_outs = len(outs)`));
      expect(s.get("n_outs")).toBe(c.expected.length);
      c.expected.forEach((e, k) => {
        ok(s.execute(`o = outs[${k}]`));
        const got = arrayValue(s, "o");
        expect(got.shape).toEqual(e.shape);
        const want = decodeF32(e.float32);
        let worst = 0;
        for (let i = 0; i < want.length; i++) worst = Math.max(worst, Math.abs(got.data[i] - want[i]) / Math.max(1, Math.abs(want[i])));
        expect(worst).toBeLessThanOrEqual(c.tol);
      });
    });
  }
});
