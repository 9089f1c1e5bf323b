import { describe, it, expect } from "vitest";
import fc from "fast-check";
import golden from "./golden/glibc-log.json";
import { glibcLog, glibcLogJs } from "./glibc-log";
import { fma } from "./fma";

describe("glibcLog is bit-identical to the C log numpy calls", () => {
  it(`matches math.log on ${golden.x.length} inputs (near 1, table path, wide exponents, subnormals)`, () => {
    const mismatches = golden.x.filter((x, i) => !Object.is(glibcLog(x), golden.log[i]));
    expect(mismatches).toEqual([]);
  });

  it("has a TypeScript fallback that matches too", () => {
    const mismatches = golden.x.filter((x, i) => !Object.is(glibcLogJs(x), golden.log[i]));
    expect(mismatches).toEqual([]);
    expect(glibcLogJs(0)).toBe(-Infinity);
    expect(glibcLogJs(-1)).toBeNaN();
  });

  it("handles the special values like C", () => {
    expect(glibcLog(0)).toBe(-Infinity);
    expect(glibcLog(-0)).toBe(-Infinity);
    expect(glibcLog(Infinity)).toBe(Infinity);
    expect(glibcLog(-1)).toBeNaN();
    expect(glibcLog(NaN)).toBeNaN();
    expect(Object.is(glibcLog(1), 0)).toBe(true);
  });
});

describe("fma rounds once", () => {
  it("keeps the low product bits a separate multiply and add would lose", () => {
    const a = 1 + 2 ** -30;
    // a*a = 1 + 2^-29 + 2^-60 exactly; minus (1 + 2^-29) leaves 2^-60, which a*a - c rounds away.
    expect(fma(a, a, -(1 + 2 ** -29))).toBe(2 ** -60);
    expect(a * a - (1 + 2 ** -29)).toBe(0);
  });

  it("breaks a halfway sum to even only when the exact value is a tie", () => {
    // 1 + 2^-53 is a tie between 1 and 1 + 2^-52; an extra 2^-110 below the product makes it round up.
    const b = 1 + 2 ** -52;
    expect(fma(2 ** -53, b, 1)).toBe(1 + 2 ** -52);
    expect(fma(2 ** -53, 1, 1)).toBe(1);
  });
});

/** a*b + c rounded once, via exact bigint arithmetic (Number(bigint) rounds to nearest, ties to even). */
function exactFma(a: number, b: number, c: number): number {
  const parts = (x: number): [bigint, number] => {
    if (x === 0) return [0n, 0];
    const e = Math.floor(Math.log2(Math.abs(x))) - 60;
    return [BigInt(x * 2 ** -e), e];
  };
  const [ma, ea] = parts(a);
  const [mb, eb] = parts(b);
  const [mc, ec] = parts(c);
  const e0 = Math.min(ea + eb, ec);
  const sum = ma * mb * (1n << BigInt(ea + eb - e0)) + mc * (1n << BigInt(ec - e0));
  const scaled = Number(sum);
  // Exact only when the bigint rounding is the final rounding: true away from overflow/underflow.
  return scaled * 2 ** e0;
}

describe("fma equals exact arithmetic rounded once", () => {
  const moderate = fc.double({ min: -1e30, max: 1e30, noNaN: true }).filter((x) => x === 0 || Math.abs(x) > 1e-30);
  it("on random operands", () => {
    fc.assert(
      fc.property(moderate, moderate, moderate, (a, b, c) => {
        expect(fma(a, b, c)).toBe(exactFma(a, b, c) + 0);
      }),
      { numRuns: 5000 },
    );
  });

  it("on the near-tie shapes the log polynomial produces (small product against a large addend)", () => {
    fc.assert(
      fc.property(fc.double({ min: -1, max: 1, noNaN: true }).filter((x) => x === 0 || Math.abs(x) > 1e-200), fc.integer({ min: 1, max: 60 }), fc.double({ min: 0.1, max: 4, noNaN: true }), (a, k, c) => {
        const b = 2 ** -k * (1 + 2 ** -52 * 3);
        expect(fma(a, b, c)).toBe(exactFma(a, b, c) + 0);
      }),
      { numRuns: 5000 },
    );
  });
});
