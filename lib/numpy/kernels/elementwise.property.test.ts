import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DTYPES } from "../dtypes";
import { NDArray, fromStorage } from "../ndarray";
import { expF32 } from "../npy-math";
import { binary, unary, where } from "../ufuncs";

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

/** binary(op) of operands laid out as `ka`/`kb` over a rows x cols result, checked element by element. */
function checkBroadcast(op: string, dtype: "float32" | "float64", rows: number, cols: number, ka: Kind, kb: Kind, values: readonly number[]): void {
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
}

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
        (op, dtype, rows, cols, ka, kb, values) => checkBroadcast(op, dtype, rows, cols, ka, kb, values),
      ),
      { numRuns: 300, seed: 20261126 },
    );
  });

  // A staging chunk holds 128 KiB of an operand: 32 (float32) or 16 (float64) rows of 1000.
  it("for results spanning several staging chunks (rows of 1000, 10000 and 20000 elements)", () => {
    const kinds: Kind[] = ["full", "row", "col", "scalar"];
    for (const [rows, cols] of [[70, 1000], [5, 10000], [3, 20000]]) {
      for (const ka of kinds) {
        for (const kb of kinds) {
          for (const op of ["add", "maximum", "greater"]) {
            for (const dtype of ["float32", "float64"] as const) checkBroadcast(op, dtype, rows, cols, ka, kb, POOL);
          }
        }
      }
    }
  });
});

describe("SIMD loops staged in chunks agree with per-element semantics across chunk boundaries", () => {
  // 2 * 32768 + 37 elements from offset 3: two full float32 staging chunks (128 KiB each) and a
  // ragged third; four full float64 chunks and a ragged fifth.
  const n = 2 * 32768 + 37;
  const values = Array.from({ length: n + 3 }, (_, i) => POOL[(i * 7 + (i >> 5)) % POOL.length] * (1 + (i % 13) / 16));

  it.each(Object.keys(REFERENCE))("%s on dense and broadcast operands", (op) => {
    for (const dtype of ["float32", "float64"] as const) {
      const Ctor = dtype === "float32" ? Float32Array : Float64Array;
      const data = Ctor.from(values);
      const x = new NDArray(data, DTYPES[dtype], [n], [1], 3);
      const y = new NDArray(Ctor.from(values).reverse(), DTYPES[dtype], [n], [1], 3);
      const s = fromStorage(DTYPES[dtype], [], Ctor.from([POOL[(op.length * 5) % POOL.length]]));
      for (const [a, b] of [[x, y], [x, s], [s, y]]) {
        const got = binary(op, a, b).data;
        const at = (v: NDArray, i: number): number => (v.size === 1 ? v.data[v.offset] : v.data[v.offset + i]);
        const bad: number[] = [];
        for (let i = 0; i < n; i++) {
          const want = REFERENCE[op](at(a, i), at(b, i));
          const stored = dtype === "float32" && got instanceof Float32Array ? Math.fround(want) : want;
          if (!Object.is(got[i], stored)) bad.push(i);
        }
        expect(bad.slice(0, 5), `${op} ${dtype} ${a.size === 1 ? "s" : "v"}${b.size === 1 ? "s" : "v"}`).toEqual([]);
      }
    }
  });

  it("where, sqrt and exp", () => {
    const data = Float32Array.from(values);
    const x = new NDArray(data, DTYPES.float32, [n], [1], 3);
    const y = new NDArray(Float32Array.from(values).reverse(), DTYPES.float32, [n], [1], 3);
    const cond = new NDArray(Uint8Array.from(values, (v) => +(v > 0)), DTYPES.bool, [n], [1], 3);
    const w = where(cond, x, y).data;
    const r = unary("sqrt", x).data;
    const e = unary("exp", x).data;
    const bad: string[] = [];
    for (let i = 0; i < n; i++) {
      const xi = data[3 + i];
      if (!Object.is(w[i], cond.data[3 + i] !== 0 ? xi : y.data[3 + i])) bad.push(`where [${i}]`);
      if (!Object.is(r[i], Math.fround(Math.sqrt(xi)))) bad.push(`sqrt [${i}]`);
      if (!Object.is(e[i], Math.fround(expF32(xi)))) bad.push(`exp [${i}]`);
    }
    expect(bad.slice(0, 5)).toEqual([]);
  });
});
