import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DTYPES } from "../dtypes";
import { fromStorage } from "../ndarray";
import { binary } from "../ufuncs";

// Per-element numpy semantics, as pinned by elementwise.golden.json (numpy 2.4 on edge values).
const REFERENCE: Readonly<Record<string, (x: number, y: number) => number>> = {
  add: (x, y) => x + y,
  subtract: (x, y) => x - y,
  multiply: (x, y) => x * y,
  true_divide: (x, y) => x / y,
  maximum: (x, y) => (x > y || x !== x ? x : y),
  minimum: (x, y) => (x < y || x !== x ? x : y),
  equal: (x, y) => +(x === y),
  not_equal: (x, y) => +(x !== y),
  less: (x, y) => +(x < y),
  less_equal: (x, y) => +(x <= y),
  greater: (x, y) => +(x > y),
  greater_equal: (x, y) => +(x >= y),
};
const POOL = [NaN, Infinity, -Infinity, 0, -0, 1, -1, 1.5, -2.75, 1e-45, -1e-45, 3e38, 1e-310, 0.1, 7];

type Kind = "full" | "row" | "col" | "scalar";
const shapeOf = (kind: Kind, rows: number, cols: number): number[] =>
  kind === "full" ? [rows, cols] : kind === "row" ? [cols] : kind === "col" ? [rows, 1] : [];

describe("SIMD binary ufuncs agree with per-element numpy semantics under broadcasting", () => {
  it("for random shapes, operand layouts, ops and edge values", () => {
    const kind = fc.constantFrom<Kind>("full", "row", "col", "scalar");
    fc.assert(
      fc.property(
        fc.constantFrom(...Object.keys(REFERENCE)),
        fc.constantFrom("float32" as const, "float64" as const),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 16, max: 70 }),
        kind,
        kind,
        fc.array(fc.oneof(fc.constantFrom(...POOL), fc.double({ noNaN: true })), { minLength: 1, maxLength: 64 }),
        (op, dtype, rows, cols, ka, kb, values) => {
          const Storage = dtype === "float32" ? Float32Array : Float64Array;
          const make = (k: Kind, salt: number) => {
            const shape = shapeOf(k, rows, cols);
            const n = shape.reduce((p, d) => p * d, 1);
            const data = new Storage(n).map((_, i) => values[(i * 7 + salt) % values.length]);
            return { arr: fromStorage(DTYPES[dtype], shape, data), data };
          };
          const a = make(ka, 0);
          const b = make(kb, 3);
          const at = (k: Kind, d: Float32Array | Float64Array, r: number, c: number): number =>
            k === "full" ? d[r * cols + c] : k === "row" ? d[c] : k === "col" ? d[r] : d[0];
          const got = binary(op, a.arr, b.arr);
          const round = dtype === "float32" && !op.includes("equal") && op !== "less" && op !== "greater" ? Math.fround : (v: number) => v;
          const fn = REFERENCE[op];
          const kinds = [ka, kb];
          const outRows = kinds.some((k) => k === "full" || k === "col") ? rows : 1;
          const outCols = kinds.some((k) => k === "full" || k === "row") ? cols : 1;
          expect(got.size).toBe(outRows * outCols);
          for (let r = 0; r < outRows; r++) {
            for (let c = 0; c < outCols; c++) {
              const want = round(fn(at(ka, a.data, r, c), at(kb, b.data, r, c)));
              const flat = r * outCols + c;
              if (!Object.is(got.data[flat], want)) {
                throw new Error(`${op} ${dtype} ${ka}/${kb} ${rows}x${cols} at ${r},${c}: ${got.data[flat]} != ${want}`);
              }
            }
          }
        },
      ),
      { numRuns: 300, seed: 20261126 },
    );
  });
});
