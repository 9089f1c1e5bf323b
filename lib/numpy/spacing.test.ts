import { describe, it, expect } from "vitest";
import golden from "./spacing.golden.json";
import { geomspace, logspace } from "./creation";
import { dtypeFromString } from "./dtypes";
import { contiguousData } from "./ndarray";

interface SpacingCase {
  fn: "logspace" | "geomspace";
  start: number;
  stop: number;
  num: number;
  endpoint: boolean;
  base?: number;
  /** numpy's power with a correctly rounded pow (see spacing.gen.py). */
  expected: string[];
  /** This machine's numpy output (SVML power and log10 on AVX-512), within a few ulp of `expected`. */
  numpy: string[];
}

interface TypedCase {
  fn: "logspace" | "geomspace";
  args: [number, number, number];
  dtype: string;
  expected: (number | string)[];
}

const cases = golden.cases as SpacingCase[];
const typed = golden.typed as TypedCase[];

/** Compare bit for bit (Object.is keeps -0 and NaN distinct from 0 and each other's failures). */
function bits(xs: ArrayLike<number>): string[] {
  return Array.from(xs, (v) => (Object.is(v, -0) ? "-0" : String(v)));
}
const expectedBits = (xs: string[]): string[] => bits(xs.map(Number));

/** Distance in units in the last place between two finite doubles of the same sign. */
function ulps(a: number, b: number): number {
  const view = new DataView(new ArrayBuffer(16));
  view.setFloat64(0, a);
  view.setFloat64(8, b);
  return Number(view.getBigInt64(0) - view.getBigInt64(8));
}

describe("logspace and geomspace match numpy 2.4 bit for bit", () => {
  it("logspace: base ** linspace(start, stop) over random ranges, sizes, bases and endpoints", () => {
    const ls = cases.filter((c) => c.fn === "logspace");
    expect(ls.length).toBeGreaterThan(100);
    for (const c of ls) {
      const got = logspace(c.start, c.stop, c.num, c.endpoint, c.base);
      expect(got.shape, JSON.stringify(c)).toEqual([c.num]);
      expect(bits(contiguousData(got)), JSON.stringify({ ...c, expected: undefined })).toEqual(expectedBits(c.expected));
    }
  });

  it("geomspace: exact end points, negative sequences, ranges spanning twelve decades", () => {
    const gs = cases.filter((c) => c.fn === "geomspace");
    expect(gs.length).toBeGreaterThan(100);
    for (const c of gs) {
      const got = geomspace(c.start, c.stop, c.num, c.endpoint);
      expect(bits(contiguousData(got)), JSON.stringify({ ...c, expected: undefined })).toEqual(expectedBits(c.expected));
    }
  });

  it("stays within a few ulp of this machine's numpy, whose AVX-512 power and log10 are not correctly rounded", () => {
    // geomspace's log10 end points already differ by an ulp there, and linspace spreads that over the range.
    const limit = { logspace: 1, geomspace: 4 };
    for (const c of cases) {
      c.expected.forEach((e, i) => {
        const d = Math.abs(ulps(Number(e), Number(c.numpy[i])));
        expect(d, JSON.stringify({ ...c, expected: undefined, numpy: undefined, i })).toBeLessThanOrEqual(limit[c.fn]);
      });
    }
  });

  it("casts the float64 result to a requested dtype", () => {
    for (const c of typed) {
      const dt = dtypeFromString(c.dtype);
      const got = c.fn === "logspace" ? logspace(c.args[0], c.args[1], c.args[2], true, 10, dt) : geomspace(c.args[0], c.args[1], c.args[2], true, dt);
      expect(got.dtype.name).toBe(c.dtype);
      expect(bits(contiguousData(got))).toEqual(bits(c.expected.map(Number)));
    }
  });

  it("geomspace refuses zero end points with numpy's message", () => {
    expect(() => geomspace(0, 1)).toThrow("Geometric sequence cannot include zero");
    expect(() => geomspace(1, 0)).toThrow("Geometric sequence cannot include zero");
  });
});
