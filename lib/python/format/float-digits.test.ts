import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { exactDigits, fixedDigits, significantDigits } from "./float-digits";
import { floatRepr } from "./float-repr";

const finiteDoubles = fc.double({ noNaN: true, noDefaultInfinity: true }).filter((x) => x !== 0);

function value(d: { digits: string; decpt: number }): number {
  return d.digits === "" ? 0 : Number(`0.${d.digits}e${d.decpt}`);
}

describe("float digit generation", () => {
  it("repr round-trips every finite double", () => {
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => Object.is(Number(floatRepr(x)), x)), { numRuns: 5000 });
  });

  it("exact digits reproduce the double", () => {
    fc.assert(fc.property(finiteDoubles, (x) => value(exactDigits(Math.abs(x))) === Math.abs(x)), { numRuns: 3000 });
  });

  it("17 significant digits always read back as the same double", () => {
    fc.assert(fc.property(finiteDoubles, (x) => value(significantDigits(x, 17)) === Math.abs(x)), { numRuns: 3000 });
  });

  it("rounding to n decimals never moves the value by more than half a unit in the last place", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.integer({ min: 0, max: 12 }), (x, n) => {
        const rounded = value(fixedDigits(x, n));
        return Math.abs(rounded - Math.abs(x)) <= 0.5 * 10 ** -n * (1 + 1e-9) + Math.abs(x) * 1e-15;
      }),
      { numRuns: 3000 },
    );
  });

  it("never leaves a trailing zero digit, as dtoa guarantees", () => {
    fc.assert(
      fc.property(finiteDoubles, fc.integer({ min: 1, max: 40 }), (x, n) => !significantDigits(x, n).digits.endsWith("0")),
      { numRuns: 2000 },
    );
    expect(fixedDigits(0.001, 2)).toEqual({ digits: "", decpt: -2 });
  });
});
