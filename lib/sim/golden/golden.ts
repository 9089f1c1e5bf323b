/** Test helpers: decode the numpy goldens and move them in and out of machine tensors. */

import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";
import { dtype, type DTypeName } from "../dtypes";
import type { Machine } from "../machine";
import { fullView, type View } from "../memory/tensor";
import { gather } from "../ops/common";
import { Memory } from "../trace/types";

export interface GoldenArray {
  readonly dtype: DTypeName;
  readonly shape: number[];
  readonly wide: boolean;
  readonly data: string;
}

type GoldenValue = GoldenArray | number | string | number[] | string[];
export type GoldenCase = Record<string, GoldenValue>;

let cache: Record<string, GoldenCase> | null = null;

export function golden(name: string): GoldenCase {
  if (!cache) {
    const path = fileURLToPath(new URL("./ops.golden.json", import.meta.url));
    cache = (JSON.parse(readFileSync(path, "utf8")) as { cases: Record<string, GoldenCase> }).cases;
  }
  const c = cache[name];
  if (!c) throw new Error(`no golden case ${name}`);
  return c;
}

export function values(a: GoldenValue): Float64Array {
  if (typeof a !== "object" || Array.isArray(a)) throw new Error("not a golden array");
  return decode(a.data, a.wide);
}

export function decode(data: string, wide = false): Float64Array {
  const bytes = Buffer.from(data, "base64");
  const copy = new Uint8Array(bytes.length);
  copy.set(bytes);
  return wide ? new Float64Array(copy.buffer) : Float64Array.from(new Float32Array(copy.buffer));
}

export function arrayOf(c: GoldenCase, key: string): GoldenArray {
  const a = c[key];
  if (typeof a !== "object" || Array.isArray(a)) throw new Error(`${key} is not an array`);
  return a;
}

/** An on-chip tile holding a golden array (values already representable in its dtype). */
export function tileOf(m: Machine, a: GoldenArray, memory: typeof Memory.Sbuf | typeof Memory.Psum = Memory.Sbuf, as?: DTypeName): View {
  const b = m.allocOnChip("t", memory, a.shape, dtype(as ?? a.dtype));
  b.data?.set(decode(a.data, a.wide));
  return fullView(b);
}

export function hbmOf(m: Machine, a: GoldenArray): View {
  const b = m.allocHbm("h", a.shape, dtype(a.dtype));
  b.data?.set(decode(a.data, a.wide));
  return fullView(b);
}

export function emptyTile(m: Machine, shape: number[], name: DTypeName, memory: typeof Memory.Sbuf | typeof Memory.Psum = Memory.Sbuf): View {
  return fullView(m.allocOnChip("out", memory, shape, dtype(name)));
}

/** Element-wise comparison: exact by default, else |a−e| ≤ atol + rtol·|e|; NaN must match NaN. */
export function expectValues(actual: ArrayLike<number>, expected: ArrayLike<number>, rtol = 0, atol = 0): void {
  expect(actual.length).toBe(expected.length);
  let bad = -1;
  for (let i = 0; i < expected.length; i++) {
    const a = actual[i];
    const e = expected[i];
    if (Number.isNaN(e) ? !Number.isNaN(a) : !(a === e || Math.abs(a - e) <= atol + rtol * Math.abs(e))) {
      bad = i;
      break;
    }
  }
  if (bad >= 0) expect({ index: bad, actual: actual[bad] }).toEqual({ index: bad, actual: expected[bad] });
}

export function read(v: View): Float64Array {
  return gather(v);
}
