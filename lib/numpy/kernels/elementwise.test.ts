import { describe, expect, it } from "vitest";
import { DTYPES } from "../dtypes";
import { NDArray, fromStorage } from "../ndarray";
import { binary, unary, where } from "../ufuncs";
import { binaryFloatWasm } from "./elementwise";
import golden from "./elementwise.golden.json";

type FloatName = "float32" | "float64";
interface Case {
  op: string;
  dtype: FloatName;
  mode: "vv" | "vs" | "sv" | "ss" | "unary";
  scalar?: number;
  out: string;
}

function bytes(b64: string): ArrayBuffer {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out.buffer;
}

function floats(dtype: FloatName, b64: string): Float32Array | Float64Array {
  return dtype === "float32" ? new Float32Array(bytes(b64)) : new Float64Array(bytes(b64));
}

const inputs = golden.inputs as Record<FloatName, { x: string; y: string; scalars: string }>;
const cases = golden.cases as Case[];

/** Elements that differ (NaN equals NaN whatever its payload; -0 differs from +0). */
function mismatches(got: ArrayLike<number>, want: ArrayLike<number>): string[] {
  const bad: string[] = [];
  for (let i = 0; i < want.length; i++) if (!Object.is(got[i], want[i])) bad.push(`[${i}] ${got[i]} != ${want[i]}`);
  return bad;
}

/** The generator's where() condition over elements offset .. offset+length. */
function condition(length: number, offset: number): NDArray {
  const c = new Uint8Array(length).map((_, j) => +((j + offset) % 3 === 0 || (j + offset) % 7 === 1));
  return fromStorage(DTYPES.bool, [length], c);
}

function run(c: Case, length: number, offset = 0): ArrayLike<number> {
  const { x, y } = operands(c, length, offset);
  if (c.op === "where") return where(condition(length, offset), x, y).data;
  return c.mode === "unary" ? unary(c.op, x).data : binary(c.op, x, y).data;
}

function operands(c: Case, length: number, offset = 0): { x: NDArray; y: NDArray; expected: ArrayLike<number> } {
  const { x: xs, y: ys, scalars } = inputs[c.dtype];
  const dtype = DTYPES[c.dtype];
  const vector = (b64: string): NDArray => {
    const data = floats(c.dtype, b64);
    return new NDArray(data, dtype, [length], [1], offset);
  };
  const scalar = (k = c.scalar ?? 0): NDArray => fromStorage(dtype, [], floats(c.dtype, scalars).slice(k, k + 1));
  const out = c.op.includes("equal") || c.op === "less" || c.op === "greater"
    ? new Uint8Array(bytes(c.out))
    : floats(c.dtype, c.out);
  const expected = Array.from(out).slice(offset, offset + length);
  if (c.mode === "vv" || c.mode === "unary") return { x: vector(xs), y: vector(ys), expected };
  if (c.mode === "vs") return { x: vector(xs), y: scalar(), expected };
  if (c.mode === "ss") return { x: scalar(1), y: scalar(4), expected };
  return { x: scalar(), y: vector(xs), expected };
}

const label = (c: Case): string => `${c.op} ${c.dtype} ${c.mode}${c.scalar === undefined ? "" : ` scalar #${c.scalar}`}`;

describe("float binary ufuncs and sqrt/absolute/negative/square match numpy on nan, inf, -0.0 and subnormals", () => {
  it.each(cases.map((c) => [label(c), c] as const))("%s (SIMD loop, 269 elements)", (_, c) => {
    expect(mismatches(run(c, 269), operands(c, 269).expected)).toEqual([]);
  });

  it.each(cases.map((c) => [label(c), c] as const))("%s (JavaScript loop, 40 elements from offset 5)", (_, c) => {
    expect(mismatches(run(c, 40, 5), operands(c, 40, 5).expected)).toEqual([]);
  });

  it("reads operands that start inside their buffer (views) in the SIMD loop", () => {
    for (const c of cases.filter((k) => k.mode === "vv" || k.mode === "unary" || k.op === "where")) {
      expect(mismatches(run(c, 260, 9), operands(c, 260, 9).expected), label(c)).toEqual([]);
    }
  });
});

describe("binaryFloatWasm", () => {
  const a = new Float32Array(1000).map((_, i) => i - 500);
  it("declines small arrays, scalar-only operands and float64 comparisons", () => {
    expect(binaryFloatWasm("add", "f32", a, 0, "dense", a, 0, "dense", 100)).toBeNull();
    expect(binaryFloatWasm("add", "f32", a, 0, "scalar", a, 0, "scalar", 1000)).toBeNull();
    const d = new Float64Array(1000);
    expect(binaryFloatWasm("lt", "f64", d, 0, "dense", d, 0, "dense", 1000)).toBeNull();
  });

  it("returns a fresh array that later calls do not overwrite", () => {
    const first = binaryFloatWasm("add", "f32", a, 0, "dense", a, 0, "dense", 1000) as Float32Array;
    binaryFloatWasm("mul", "f32", a, 0, "dense", a, 0, "dense", 1000);
    expect(first[0]).toBe(-1000);
    expect(first[999]).toBe(998);
  });
});
