import { describe, it, expect } from "vitest";
import { readFileSync } from "node:fs";
import { FLOAT_FORMATS, type FloatFormatName, decode, encode, roundArrayTo, roundTo } from "./float-formats";

type Golden = Record<FloatFormatName, { cases: [string, string, number][]; decode: [number, string][] }>;
const golden = JSON.parse(readFileSync(new URL("./float-formats.golden.json", import.meta.url), "utf8")) as Golden;

const view = new DataView(new ArrayBuffer(8));
function fromBits(hex: string): number {
  view.setBigUint64(0, BigInt("0x" + hex));
  return view.getFloat64(0);
}
function toBits(x: number): string {
  view.setFloat64(0, x);
  return view.getBigUint64(0).toString(16).padStart(16, "0");
}
/** Compare two doubles bit-for-bit, treating every NaN as equal. */
function sameValue(actual: number, expected: number): boolean {
  return Number.isNaN(expected) ? Number.isNaN(actual) : toBits(actual) === toBits(expected);
}

const names = Object.keys(FLOAT_FORMATS) as FloatFormatName[];

describe("roundTo matches the exact oracle bit-for-bit", () => {
  for (const name of names) {
    it(`rounds doubles to ${name} with ties to even, overflow, subnormals, signed zero`, () => {
      const bad: string[] = [];
      for (const [x, want] of golden[name].cases) {
        const got = roundTo(name, fromBits(x));
        if (!sameValue(got, fromBits(want))) bad.push(`${fromBits(x)} -> ${got}, want ${fromBits(want)}`);
      }
      expect(bad).toEqual([]);
    });
  }
});

describe("encode/decode", () => {
  for (const name of names) {
    it(`encodes ${name} to the oracle's bit pattern`, () => {
      const bad: string[] = [];
      for (const [x, , bits] of golden[name].cases) {
        const got = encode(name, fromBits(x));
        if (got !== bits) bad.push(`${fromBits(x)} -> ${got.toString(16)}, want ${bits.toString(16)}`);
      }
      expect(bad).toEqual([]);
    });
    if (golden[name].decode.length > 0) {
      it(`decodes ${name} bit patterns`, () => {
        for (const [bits, want] of golden[name].decode) {
          expect(sameValue(decode(name, bits), fromBits(want)), `${name} 0x${bits.toString(16)}`).toBe(true);
        }
      });
    }
  }

  it("round-trips every 8-bit pattern of the fp8 formats", () => {
    for (const name of ["float8_e4m3", "float8_e4m3fn", "float8_e5m2"] as const) {
      for (let bits = 0; bits < 256; bits++) {
        const v = decode(name, bits);
        if (Number.isNaN(v)) continue;
        expect(encode(name, v)).toBe(bits);
      }
    }
  });

  it("documents the format limits", () => {
    expect(FLOAT_FORMATS.float8_e4m3.maxFinite).toBe(240);
    expect(FLOAT_FORMATS.float8_e4m3fn.maxFinite).toBe(448);
    expect(FLOAT_FORMATS.float8_e5m2.maxFinite).toBe(57344);
    expect(FLOAT_FORMATS.float16.maxFinite).toBe(65504);
    expect(FLOAT_FORMATS.bfloat16.maxFinite).toBe(3.3895313892515355e38);
    expect(FLOAT_FORMATS.float8_e4m3fn.nanBits).toBe(0x7f);
  });
});

describe("roundArrayTo", () => {
  for (const name of names) {
    it(`bulk-rounds float32 and float64 sources to ${name} like roundTo`, () => {
      const xs = golden[name].cases.map(([x]) => fromBits(x));
      const f64 = Float64Array.from(xs);
      const out64 = new Float32Array(xs.length);
      roundArrayTo(name, f64, out64);
      const f32 = Float32Array.from(xs);
      const out32 = new Float32Array(xs.length);
      roundArrayTo(name, f32, out32);
      for (let i = 0; i < xs.length; i++) {
        expect(sameValue(out64[i], Math.fround(roundTo(name, xs[i]))), `f64 ${xs[i]}`).toBe(true);
        expect(sameValue(out32[i], Math.fround(roundTo(name, f32[i]))), `f32 ${f32[i]}`).toBe(true);
      }
    });
  }

  it("rounds doubles on the bit-pattern fast path exactly as the generic routine, ties and sticky low words included", () => {
    // Random doubles across every target's range, plus exact ties and ties disturbed only in the low
    // word (the fast path must see those sticky bits), at every magnitude from subnormal to overflow.
    const xs: number[] = [];
    let seed = 12345;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 4000; i++) xs.push((rand() - 0.5) * 2 ** Math.floor(rand() * 300 - 150));
    for (let e = -140; e <= 130; e += 3) {
      for (const m of [0, 1, 3, 7, 10]) {
        const ulp = 2 ** (e - m);
        for (const base of [1, 1 + 2 ** -m, 1 + 3 * 2 ** -m]) {
          const tie = base * 2 ** e + ulp / 2;
          xs.push(tie, -tie, tie + ulp * 2 ** -40, tie - ulp * 2 ** -40);
        }
      }
    }
    const src = Float64Array.from(xs);
    for (const name of names) {
      const out = new Float32Array(xs.length);
      roundArrayTo(name, src, out);
      for (let i = 0; i < xs.length; i++) expect(sameValue(out[i], Math.fround(roundTo(name, xs[i]))), `${name} ${xs[i]}`).toBe(true);
    }
  });

  it("rounds in place, ties to even, into bfloat16 subnormals", () => {
    // 1 + 2^-8 and 3 + 2^-7 are exact ties at bfloat16's precision; 1e-40 is nearest to 2^-133.
    const a = Float32Array.from([1.00390625, -3.0078125, 1e-40]);
    roundArrayTo("bfloat16", a, a);
    expect(Array.from(a)).toEqual([1, -3, 2 ** -133]);
  });
});
