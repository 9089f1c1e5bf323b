import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { exactDecimal, roundFractional, roundSignificant, roundedFractional, roundedSignificant, shortestDecimal, shortestDecimalExact } from "./decimal";
import { roundTo } from "../float-formats";

// The exact (BigInt) paths are the ones the numpy goldens pin down; the engine-rounded fast paths must agree.
const float32 = fc.float({ noNaN: true, noDefaultInfinity: true }).map(Math.fround);
const float16 = fc.double({ min: -65504, max: 65504, noNaN: true }).map((v) => roundTo("float16", v));
const halfway = fc.tuple(fc.integer({ min: -100000, max: 100000 }), fc.integer({ min: 1, max: 12 })).map(([n, k]) => (n + 0.5) / 2 ** k);

describe("fast decimal paths agree with exact arithmetic", () => {
  it("shortest float32 digits", () => {
    fc.assert(fc.property(float32, (x) => {
        expect(shortestDecimal(x, "float32")).toEqual(shortestDecimalExact(x, "float32"));
      }), { numRuns: 3000 });
  });

  it("shortest float16 digits, including short exact values with digit ties", () => {
    fc.assert(fc.property(float16, (x) => {
        expect(shortestDecimal(x, "float16")).toEqual(shortestDecimalExact(x, "float16"));
      }), { numRuns: 3000 });
  });

  it("rounding to fractional digits, ties to even", () => {
    fc.assert(
      fc.property(fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e25, max: 1e25 }), halfway), fc.integer({ min: 0, max: 20 }), (x, p) => {
        const exact = roundFractional(exactDecimal(x), p);
        expect(roundedFractional(x, p)).toEqual({ ...exact, negative: x < 0 || Object.is(x, -0) });
      }),
      { numRuns: 3000 },
    );
  });

  it("rounding to significant digits, ties to even", () => {
    fc.assert(
      fc.property(fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), halfway), fc.integer({ min: 1, max: 20 }), (x, n) => {
        const exact = roundSignificant(exactDecimal(x), n);
        expect(roundedSignificant(x, n)).toEqual({ ...exact, negative: x < 0 || Object.is(x, -0) });
      }),
      { numRuns: 3000 },
    );
  });
});
