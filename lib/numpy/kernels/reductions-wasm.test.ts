import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { DTYPES } from "../dtypes";
import { fromStorage } from "../ndarray";
import { max, mean, min, sum } from "../reductions";
import { extremumWasm, pairwiseSumF32Wasm } from "./elementwise";
import golden from "./reductions-wasm.golden.json";

interface SumCase {
  kind: "sum";
  n: number;
  seed: number;
  result: string;
}
interface ExtremumCase {
  kind: "extremum";
  dtype: "float32" | "float64";
  label: string;
  x: string;
  max: string;
  min: string;
}
interface Sum0Case {
  kind: "sum0";
  shape: number[];
  seed: number;
  result: string;
}
interface LongExtremumCase {
  kind: "extremum-long";
  dtype: "float32" | "float64";
  label: string;
  n: number;
  seed: number;
  negate: boolean;
  set: [number, string][];
  max: string;
  min: string;
}
interface SumLastCase {
  kind: "sum-last";
  shape: number[];
  seed: number;
  result: string;
}
interface AxisExtremumCase {
  kind: "extremum-axis";
  dtype: "float32" | "float64";
  shape: number[];
  seed: number;
  nan: [number, number][];
  max1: string;
  min1: string;
  max0: string | null;
  min0: string | null;
}
const cases = golden.cases as (SumCase | ExtremumCase | Sum0Case | LongExtremumCase | SumLastCase | AxisExtremumCase)[];

function bytes(b64: string): ArrayBuffer {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out.buffer;
}

/** The generator's lcg_f32. */
function lcgF32(n: number, seed: number): Float32Array {
  const bits = new Uint32Array(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    bits[i] = ((s & 0x80000000) | ((119 + ((s >>> 23) % 17)) << 23) | (s & 0x7fffff)) >>> 0;
  }
  return new Float32Array(bits.buffer);
}

const sums = cases.filter((c): c is SumCase => c.kind === "sum");
const extrema = cases.filter((c): c is ExtremumCase => c.kind === "extremum");

describe("float32 sums of long runs equal numpy's bit for bit", () => {
  it.each(sums.map((c) => [c.n, c] as const))("%i elements", (_, c) => {
    const x = lcgF32(c.n, c.seed);
    const want = new Float32Array(bytes(c.result))[0];
    expect(sum(fromStorage(DTYPES.float32, [c.n], x)).data[0]).toBe(want);
    expect(pairwiseSumF32Wasm(x, 0, c.n)).toBe(want);
  });

  it("sums each row of a 2-D array and the mean of a long array like numpy", () => {
    const c = sums.find((k) => k.n === 300007) as SumCase;
    const x = lcgF32(c.n, c.seed);
    const want = new Float32Array(bytes(c.result))[0];
    expect(mean(fromStorage(DTYPES.float32, [c.n], x)).data[0]).toBe(Math.fround(want / c.n));
    const rows = sums.filter((k) => k.n === 4099 || k.n === 777);
    for (const r of rows) {
      const data = lcgF32(r.n, r.seed);
      const twice = new Float32Array(2 * r.n);
      twice.set(data, 0);
      twice.set(data, r.n);
      const got = sum(fromStorage(DTYPES.float32, [2, r.n], twice), { axis: 1 }).data;
      const want = new Float32Array(bytes(r.result))[0];
      expect(Array.from(got)).toEqual([want, want]);
    }
  });
});

describe("float32 sums along axis 0 equal numpy's bit for bit", () => {
  it.each(cases.filter((c): c is Sum0Case => c.kind === "sum0").map((c) => [c.shape.join("x"), c] as const))("%s", (_, c) => {
    const n = c.shape.reduce((p, d) => p * d, 1);
    const got = sum(fromStorage(DTYPES.float32, c.shape, lcgF32(n, c.seed)), { axis: 0 });
    expect(got.shape).toEqual(c.shape.slice(1));
    expect(Array.from(got.data)).toEqual(Array.from(new Float32Array(bytes(c.result))));
  });
});

describe("float32 sums along the last axis equal numpy's bit for bit", () => {
  it.each(cases.filter((c): c is SumLastCase => c.kind === "sum-last").map((c) => [c.shape.join("x"), c] as const))("%s", (_, c) => {
    const n = c.shape.reduce((p, d) => p * d, 1);
    const got = sum(fromStorage(DTYPES.float32, c.shape, lcgF32(n, c.seed)), { axis: -1 });
    expect(got.shape).toEqual(c.shape.slice(0, -1));
    expect(Array.from(got.data)).toEqual(Array.from(new Float32Array(bytes(c.result))));
  });
});

describe("max/min of long float arrays match numpy (nan propagation, signed zeros, infinities)", () => {
  it.each(extrema.map((c) => [`${c.dtype} ${c.label}`, c] as const))("%s", (_, c) => {
    const data = c.dtype === "float32" ? new Float32Array(bytes(c.x)) : new Float64Array(bytes(c.x));
    const read = (b64: string): number => (c.dtype === "float32" ? new Float32Array(bytes(b64))[0] : new Float64Array(bytes(b64))[0]);
    const a = fromStorage(DTYPES[c.dtype], [data.length], data);
    expect(max(a).data[0]).toBe(read(c.max));
    expect(min(a).data[0]).toBe(read(c.min));
    expect(extremumWasm(data, 0, data.length, true)).toBe(read(c.max));
    expect(extremumWasm(data, 0, data.length, false)).toBe(read(c.min));
  });
});

describe("max/min of arrays longer than one staging chunk match numpy", () => {
  const long = cases.filter((c): c is LongExtremumCase => c.kind === "extremum-long");
  it.each(long.map((c) => [`${c.dtype} ${c.label}`, c] as const))("%s", (_, c) => {
    const base = lcgF32(c.n, c.seed);
    const data = c.dtype === "float32" ? Float32Array.from(base) : Float64Array.from(base);
    if (c.negate) data.forEach((v, i) => (data[i] = -Math.abs(v)));
    for (const [i, v] of c.set) data[i] = Number(v);
    const read = (b64: string): number => (c.dtype === "float32" ? new Float32Array(bytes(b64))[0] : new Float64Array(bytes(b64))[0]);
    const a = fromStorage(DTYPES[c.dtype], [data.length], data);
    expect(max(a).data[0]).toBe(read(c.max));
    expect(min(a).data[0]).toBe(read(c.min));
  });
});

describe("max/min along the last axis and along axis 0 match numpy (nan placements, rows past a chunk)", () => {
  const axisCases = cases.filter((c): c is AxisExtremumCase => c.kind === "extremum-axis");
  it.each(axisCases.map((c) => [`${c.dtype} ${c.shape.join("x")}`, c] as const))("%s", (_, c) => {
    const n = c.shape.reduce((p, d) => p * d, 1);
    const data = c.dtype === "float32" ? lcgF32(n, c.seed) : Float64Array.from(lcgF32(n, c.seed));
    const rowLength = n / c.shape[0];
    for (const [r, col] of c.nan) data[r * rowLength + col] = NaN;
    const a = fromStorage(DTYPES[c.dtype], c.shape, data);
    const read = (b64: string): number[] => Array.from(c.dtype === "float32" ? new Float32Array(bytes(b64)) : new Float64Array(bytes(b64)));
    expect(Array.from(max(a, { axis: -1 }).data)).toEqual(read(c.max1));
    expect(Array.from(min(a, { axis: -1 }).data)).toEqual(read(c.min1));
    if (c.max0 !== null && c.min0 !== null) {
      expect(Array.from(max(a, { axis: 0 }).data)).toEqual(read(c.max0));
      expect(Array.from(min(a, { axis: 0 }).data)).toEqual(read(c.min0));
    }
  });

  it("keep the existing signed-zero rules: rows order -0 < +0, columns keep the first of equal values", () => {
    for (const Ctor of [Float32Array, Float64Array]) {
      const dtype = Ctor === Float32Array ? DTYPES.float32 : DTYPES.float64;
      // 600 rows x 8 columns (-1 elsewhere): column 0 holds -0 then +0 below it, column 1 +0 then -0.
      const grid = new Ctor(4800).fill(-1);
      grid[0] = -0;
      grid[300 * 8] = 0;
      grid[1] = 0;
      grid[300 * 8 + 1] = -0;
      const cols = max(fromStorage(dtype, [600, 8], grid), { axis: 0 }).data;
      expect([Object.is(cols[0], -0), Object.is(cols[1], 0)]).toEqual([true, true]);
      // The same values as 8 rows of 600: row 0 holds -0 at 0 and +0 at 1, row 4 +0 at 0 and -0 at 1.
      const rows = max(fromStorage(dtype, [8, 600], grid), { axis: 1 }).data;
      expect([Object.is(rows[0], 0), Object.is(rows[4], 0)]).toEqual([true, true]);
    }
  });
});

describe("extremumWasm equals Math.max/Math.min folded over the array", () => {
  function fold(d: Float32Array | Float64Array, isMax: boolean): number {
    let r = d[0];
    for (let i = 1; i < d.length; i++) r = isMax ? Math.max(r, d[i]) : Math.min(r, d[i]);
    return r;
  }

  it("orders -0 < +0 when the extremum is a zero of either sign, within and across staging chunks", () => {
    for (const Ctor of [Float32Array, Float64Array]) {
      for (const [plus, minus] of [[5, 40000], [40000, 5], [17000, 16999], [3, 4]]) {
        const d = new Ctor(40003).fill(-1);
        d[plus] = 0;
        d[minus] = -0;
        expect(Object.is(extremumWasm(d, 0, d.length, true), 0), `${Ctor.name} +0 at ${plus}`).toBe(true);
        d.fill(1);
        d[plus] = 0;
        d[minus] = -0;
        expect(Object.is(extremumWasm(d, 0, d.length, false), -0), `${Ctor.name} -0 at ${minus}`).toBe(true);
      }
    }
  });

  it("on arrays of zeros, ones, infinities and NaN at random offsets (property)", () => {
    const value = fc.constantFrom(0, -0, 1, -1, Infinity, -Infinity, NaN, 2.5);
    fc.assert(
      fc.property(fc.array(value, { minLength: 512, maxLength: 20000 }), fc.nat(64), fc.boolean(), fc.boolean(), (values, skip, isMax, f32) => {
        const d = f32 ? Float32Array.from(values) : Float64Array.from(values);
        const start = Math.min(skip, d.length - 512);
        return Object.is(extremumWasm(d, start, d.length - start, isMax), fold(d.subarray(start), isMax));
      }),
      { numRuns: 80 },
    );
  });
});
