/**
 * Bitvec operators (bitwise and/or/xor, invert, shifts) on int8..uint32 tiles are exact: they work on
 * the integers' bit patterns, never through fp32. Goldens: tests/nki/bitwise.gen.py (numpy), which
 * also states the shift model (counts >= 32 shift everything out; right_shift is logical on the
 * 32-bit lane, as the ISA has no arithmetic shift right).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { arrayValue, ok, session, setArray } from "./harness";

interface Case {
  dtype: string;
  shape: number[];
  x: number[];
  y: number[];
  count: number[];
  scalar_max: number;
  results: Record<string, number[]>;
}
const GOLDEN = JSON.parse(readFileSync(new URL("./bitwise.golden.json", import.meta.url), "utf8")) as {
  cases: Case[];
  abs_by_mask: { x_bits: number[]; result_bits: number[]; shape: number[] };
};

const KERNEL = `@nki.jit
def bitops(x, y, c):
    a = nl.load(x)
    b = nl.load(y)
    n = nl.load(c)
    res = (nl.bitwise_and(a, b), nl.bitwise_or(a, b), nl.bitwise_xor(a, b), nl.invert(a),
           nl.left_shift(a, n), nl.right_shift(a, n), nl.bitwise_and(a, SCALAR_MAX, dtype=x.dtype),
           nl.left_shift(a, 3, dtype=x.dtype), nl.right_shift(a, 3, dtype=x.dtype), a & b, a | b, a ^ b)
    outs = []
    for r in res:
        o = nl.ndarray(x.shape, dtype=x.dtype, buffer=nl.shared_hbm)
        nl.store(o, value=r)
        outs.append(o)
    return tuple(outs)

@nki.jit
def abs_by_mask(x):
    out = nl.ndarray(x.shape, dtype=x.dtype, buffer=nl.shared_hbm)
    t = nl.load(x)
    nl.store(out, value=nl.bitwise_and(t.view(nl.int32), 0x7FFFFFFF).view(nl.float32))
    return out
`;

const OUTPUTS = [
  "bitwise_and", "bitwise_or", "bitwise_xor", "invert", "left_shift", "right_shift", "and_scalar", "left_shift_scalar",
  "right_shift_scalar", "bitwise_and", "bitwise_or", "bitwise_xor",
];

const pyArray = (v: number[], dtype: string, shape: number[]): string => `np.array([${v.join(", ")}], dtype=np.${dtype}).reshape(${shape.join(", ")})`;

describe("bitvec operators on integer tiles match numpy bit for bit", () => {
  for (const c of GOLDEN.cases) {
    it(`${c.dtype}: and/or/xor, invert, shifts by tile and scalar counts (incl. counts >= bit width and negative values)`, () => {
      const { s } = session();
      ok(s.execute(KERNEL, { cellName: "<kernel>" }));
      ok(
        s.execute(
          `SCALAR_MAX = ${c.scalar_max}\nx = ${pyArray(c.x, c.dtype, c.shape)}\ny = ${pyArray(c.y, c.dtype, c.shape)}\n` +
            `c = ${pyArray(c.count, c.dtype, c.shape)}\nouts = bitops(x, y, c)`,
        ),
      );
      OUTPUTS.forEach((name, k) => {
        ok(s.execute(`o = outs[${k}]\ndt = str(o.dtype)`));
        expect(s.get("dt"), name).toBe(c.dtype);
        expect(Array.from(arrayValue(s, "o").data), `${c.dtype} ${name}`).toEqual(c.results[name]);
      });
    });
  }

  it("clearing the sign bit of a float32 tile's int32 view gives |x| exactly (0x7FFFFFFF keeps its bits)", () => {
    const g = GOLDEN.abs_by_mask;
    const { s } = session();
    ok(s.execute(KERNEL, { cellName: "<kernel>" }));
    setArray(s, "x", g.shape, new Float32Array(Int32Array.from(g.x_bits).buffer));
    ok(s.execute("r = abs_by_mask(x)"));
    const bits = Array.from(new Int32Array(Float32Array.from(arrayValue(s, "r").data).buffer));
    expect(bits).toEqual(g.result_bits);
  });
});
