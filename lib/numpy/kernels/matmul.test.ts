import { describe, it, expect } from "vitest";
import fc from "fast-check";
import golden from "./golden/matmul.json";
import { matmulF32, matmulF32Reference, hasWasmMatmul } from "./matmul";
import { roundTo } from "../float-formats";

const EPS32 = 2 ** -23;

/** Deterministic small-integer matrices: every product and partial sum is exact in float32. */
function intMatrix(len: number, seed: number): Float32Array {
  const out = new Float32Array(len);
  let s = seed >>> 0;
  for (let i = 0; i < len; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = (s >>> 28) - 8;
  }
  return out;
}

describe("the WebAssembly SIMD kernel", () => {
  it("loads in this runtime", () => {
    expect(hasWasmMatmul()).toBe(true);
  });

  it("is exact wherever float32 arithmetic is exact, for any shape (edges, KC and NC blocking)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 600 }), fc.integer({ min: 1, max: 70 }), fc.nat(), (m, k, n, seed) => {
        const a = intMatrix(m * k, seed);
        const b = intMatrix(k * n, seed + 1);
        const expected = new Float32Array(m * n);
        matmulF32Reference(a, b, m, k, n, expected);
        expect(matmulF32(a, b, m, k, n)).toEqual(expected);
      }),
      { numRuns: 60 },
    );
  });

  it("covers the column-block loop past NC = 1024 columns", () => {
    const [m, k, n] = [3, 20, 2100];
    const a = intMatrix(m * k, 5);
    const b = intMatrix(k * n, 6);
    const expected = new Float32Array(m * n);
    matmulF32Reference(a, b, m, k, n, expected);
    expect(matmulF32(a, b, m, k, n)).toEqual(expected);
  });

  it("agrees with numpy's float32 matmul to float32 rounding", () => {
    for (const c of golden.cases) {
      const got = matmulF32(Float32Array.from(c.a), Float32Array.from(c.b), c.m, c.k, c.n);
      for (let i = 0; i < got.length; i++) {
        // Both are float32 sums of k rounded terms, in different orders: bound by k * eps * sum|a||b|.
        expect(Math.abs(got[i] - c.c[i])).toBeLessThanOrEqual(2 * c.k * EPS32 * c.absdot[i]);
      }
    }
  });

  it("keeps growing its memory and stays correct for smaller calls afterwards", () => {
    for (const [m, k, n] of [[8, 8, 8], [300, 300, 300], [2, 3, 4]]) {
      const a = intMatrix(m * k, m);
      const b = intMatrix(k * n, n);
      const expected = new Float32Array(m * n);
      matmulF32Reference(a, b, m, k, n, expected);
      expect(matmulF32(a, b, m, k, n)).toEqual(expected);
    }
  });

  it("reports progress during long multiplies and can be interrupted by a throwing callback", () => {
    const [m, k, n] = [300, 700, 50];
    const a = intMatrix(m * k, 1);
    const b = intMatrix(k * n, 2);
    let ticks = 0;
    matmulF32(a, b, m, k, n, undefined, () => ticks++);
    expect(ticks).toBeGreaterThan(2);
    expect(() =>
      matmulF32(a, b, m, k, n, undefined, () => {
        throw new Error("KeyboardInterrupt");
      }),
    ).toThrow("KeyboardInterrupt");
    // The interrupted multiply leaves nothing behind: the next one is exact.
    const expected = new Float32Array(m * n);
    matmulF32Reference(a, b, m, k, n, expected);
    expect(matmulF32(a, b, m, k, n)).toEqual(expected);
  });

  it("runs problems too big for the shared instance in a one-off instance", () => {
    const [m, k, n] = [4100, 4100, 2];
    const a = intMatrix(m * k, 7);
    const b = intMatrix(k * n, 8);
    const expected = new Float32Array(m * n);
    matmulF32Reference(a, b, m, k, n, expected);
    expect(matmulF32(a, b, m, k, n)).toEqual(expected);
  });

  it("propagates NaN and infinities like IEEE float32", () => {
    const a = Float32Array.from([1, Infinity, 0, 2]);
    const b = Float32Array.from([0, 1, 1, NaN]);
    const c = matmulF32(a, b, 2, 2, 2);
    expect(Array.from(c)).toEqual([Infinity, NaN, 2, NaN]);
  });

  it("serves bf16-input / fp32-accumulate matmuls unchanged (inputs pre-rounded)", () => {
    const [m, k, n] = [9, 77, 13];
    const a = Float32Array.from(intMatrix(m * k, 3), (v) => roundTo("bfloat16", v / 3));
    const b = Float32Array.from(intMatrix(k * n, 4), (v) => roundTo("bfloat16", v / 7));
    const expected = new Float32Array(m * n);
    matmulF32Reference(a, b, m, k, n, expected);
    const got = matmulF32(a, b, m, k, n);
    for (let i = 0; i < got.length; i++) expect(Math.abs(got[i] - expected[i])).toBeLessThanOrEqual(k * EPS32 * 8);
  });

  it("writes into a caller's buffer and handles empty shapes", () => {
    const out = new Float32Array(4).fill(7);
    matmulF32(Float32Array.from([1, 2]), Float32Array.from([3, 4]), 2, 1, 2, out);
    expect(Array.from(out)).toEqual([3, 4, 6, 8]);
    expect(matmulF32(new Float32Array(0), new Float32Array(0), 0, 5, 0).length).toBe(0);
    expect(Array.from(matmulF32(new Float32Array(0), new Float32Array(0), 2, 0, 2))).toEqual([0, 0, 0, 0]);
  });
});
