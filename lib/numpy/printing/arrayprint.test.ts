import { describe, it, expect } from "vitest";
import golden from "./golden/arrayprint.json";
import { arrayRepr, arrayStr, DEFAULT_PRINT_OPTIONS, type PrintableArray } from "./arrayprint";
import { scalarRepr, scalarStr } from "./scalar";

type Encoded = number | string | boolean;
interface ArrayCase {
  name: string;
  dtype: string;
  shape: number[];
  data: Encoded[];
  precision: number;
  options: Partial<{ suppress: boolean; linewidth: number; threshold: number; edgeitems: number }>;
  repr: string;
  str: string;
}
interface ScalarCase {
  dtype: string;
  value: Encoded;
  repr: string;
  str: string;
}

function decode(v: Encoded): number {
  if (typeof v === "boolean") return v ? 1 : 0;
  if (v === "nan") return NaN;
  if (v === "inf") return Infinity;
  if (v === "-inf") return -Infinity;
  if (v === "-0") return -0;
  return v as number;
}

function printable(c: ArrayCase): PrintableArray {
  const data = c.data.map(decode);
  return { shape: c.shape, dtype: { name: c.dtype }, size: data.length, getFlat: (i) => data[i] };
}

const { arrays, scalars } = golden as { arrays: ArrayCase[]; scalars: ScalarCase[] };

describe("array repr and str match numpy 2.4", () => {
  for (const c of arrays) {
    it(`${c.dtype} ${JSON.stringify(c.shape)} ${c.name}`, () => {
      const a = printable(c);
      const options = { ...DEFAULT_PRINT_OPTIONS, ...c.options, precision: c.precision };
      expect(arrayRepr(a, options)).toBe(c.repr);
      expect(arrayStr(a, options)).toBe(c.str);
    });
  }
});

describe("scalar repr and str match numpy 2.4", () => {
  for (const c of scalars) {
    it(`${c.dtype}(${String(c.value)})`, () => {
      const v = c.dtype === "bool" ? (c.value as boolean) : decode(c.value);
      expect(scalarRepr(c.dtype, v)).toBe(c.repr);
      expect(scalarStr(c.dtype, v)).toBe(c.str);
    });
  }
});
