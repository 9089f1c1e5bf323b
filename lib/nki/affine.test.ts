import { describe, expect, it } from "vitest";
import { affineMask } from "../sim";
import { addAffine, affineRange, arange, broadcastShapes, compareAffine, expandAffine, scaleAffine } from "./affine";

/** Dense values of an expression over its shape, C order (the oracle: direct index arithmetic). */
function dense(e: { shape: readonly number[]; base: number; coeffs: readonly number[] }): number[] {
  const n = e.shape.reduce((a, b) => a * b, 1);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    let rest = i;
    let v = e.base;
    for (let k = e.shape.length - 1; k >= 0; k--) {
      v += e.coeffs[k] * (rest % e.shape[k]);
      rest = Math.floor(rest / e.shape[k]);
    }
    out.push(v);
  }
  return out;
}

describe("affine index expressions", () => {
  it("t * 128 + nl.arange(4)[:, None] is a column of row indices", () => {
    const col = expandAffine(arange(0, 4), ["keep", "new"])!;
    const e = addAffine(scaleAffine({ shape: [], base: 2, coeffs: [] }, 128), col, 1)!;
    expect(e.shape).toEqual([4, 1]);
    expect(dense(e)).toEqual([256, 257, 258, 259]);
  });

  it("row + column broadcast to the full grid like numpy", () => {
    const rows = expandAffine(arange(0, 3), ["keep", "new"])!;
    const cols = expandAffine(arange(10, 12), ["new", "keep"])!;
    const e = addAffine(scaleAffine(rows, 5), cols, 1)!;
    expect(e.shape).toEqual([3, 2]);
    expect(dense(e)).toEqual([10, 11, 15, 16, 20, 21]);
    expect(affineRange(e)).toEqual([10, 21]);
  });

  it("rejects shapes numpy would not broadcast", () => {
    expect(broadcastShapes([3, 1], [4])).toEqual([3, 4]);
    expect(broadcastShapes([3], [4])).toBeNull();
  });

  it("a comparison becomes a mask clause selecting exactly the rows that hold", () => {
    const rows = addAffine({ shape: [], base: 256, coeffs: [] }, expandAffine(arange(0, 128), ["keep", "new"])!, 1)!;
    const clause = compareAffine(rows, { shape: [], base: 300, coeffs: [] }, "less")!;
    const mask = affineMask([128, 2], [clause]);
    const kept = Array.from(mask).filter((x) => x === 1).length;
    expect(kept).toBe((300 - 256) * 2);
    expect(mask[2 * 43]).toBe(1);
    expect(mask[2 * 44]).toBe(0);
  });
});
